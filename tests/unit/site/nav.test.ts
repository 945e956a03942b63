import { describe, expect, it } from 'vitest';
import { LAYERS, groupGuides, guideHref, layerInfo, neighbours, readingOrder, type GuideMeta } from '../../../src/lib/site/nav';

const g = (id: string, layer: GuideMeta['layer'], order: number, title = id): GuideMeta => ({
  id,
  title,
  description: `${id} description`,
  layer,
  order,
});

const guides = [
  g('verify', 'none', 1),
  g('tailscale', 1, 2),
  g('overview', 0, 1),
  g('close-the-ports', 1, 1),
  g('ssh-keys', 4, 1),
  g('build-order', 0, 2),
];

describe('groupGuides', () => {
  it('orders groups start → layers 1–4 → reference and leaves out empty layers', () => {
    const groups = groupGuides(guides);
    expect(groups.map((group) => group.info.layer)).toEqual([0, 1, 4, 'none']);
  });

  it('sorts by order inside a group, then by title on ties', () => {
    const groups = groupGuides([g('b', 1, 1, 'Beta'), g('a', 1, 1, 'Alpha'), g('c', 1, 0, 'Gamma')]);
    expect(groups[0]!.guides.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('does not mutate its input', () => {
    const input = [...guides];
    groupGuides(input);
    expect(input).toEqual(guides);
  });
});

describe('readingOrder and neighbours', () => {
  it('flattens the groups into one reading order', () => {
    expect(readingOrder(guides).map((x) => x.id)).toEqual([
      'overview',
      'build-order',
      'close-the-ports',
      'tailscale',
      'ssh-keys',
      'verify',
    ]);
  });

  it('links across group boundaries and stops at both ends', () => {
    expect(neighbours(guides, 'build-order')).toMatchObject({ prev: { id: 'overview' }, next: { id: 'close-the-ports' } });
    expect(neighbours(guides, 'overview').prev).toBeUndefined();
    expect(neighbours(guides, 'verify').next).toBeUndefined();
  });

  it('throws on an unknown id instead of rendering a broken page', () => {
    expect(() => neighbours(guides, 'nope')).toThrow(/No guide with id "nope"/);
  });
});

describe('layer metadata', () => {
  it('describes the four layers with their tool, in order', () => {
    expect(LAYERS.filter((l) => typeof l.layer === 'number' && l.layer > 0).map((l) => l.tool)).toEqual([
      'Tailscale',
      'Nginx Proxy Manager',
      'Authelia',
      'SSH keys, updates, secret hygiene',
    ]);
    expect(layerInfo(3).name).toBe('Identity');
  });

  it('builds guide URLs with a trailing slash', () => {
    expect(guideHref('tailscale')).toBe('/guides/tailscale/');
  });
});

describe('site metadata', () => {
  it('carries the same version as package.json (it is stamped into generated files)', async () => {
    const { SITE } = await import('../../../src/lib/site/meta');
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default;
    expect(SITE.version).toBe(pkg.version);
  });
});
