import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDERS } from '../../../src/lib/builders/registry';
import {
  canShare,
  COMPOSE_DEFAULTS,
  COMPOSE_TARGET,
  composeBuilder,
  samples,
  splitWithFindings,
  toggleMove,
  type ComposeState,
} from '../../../src/lib/compose';
import { encodeShare } from '../../../src/lib/core/share';

const NEXTCLOUD = readFileSync(join(__dirname, '../../fixtures/compose/26-nextcloud.yaml'), 'utf8');
const withText = (composeSource: string, extra: Partial<ComposeState> = {}): ComposeState => ({
  ...COMPOSE_DEFAULTS,
  composeSource,
  ...extra,
});

describe('composeBuilder (the spec)', () => {
  it('keeps its id, storage key and share parameter, and names its target once', () => {
    expect(composeBuilder.id).toBe('compose');
    expect(BUILDERS.find((b) => b.id === 'compose')?.page).toBe('/guides/secrets/');
    expect(composeBuilder.target).toBe(COMPOSE_TARGET);
    expect(COMPOSE_TARGET).toBe('Docker Compose v2');
    expect(composeBuilder.schema).toEqual({ version: 1, secretKeys: ['composeSource'] });
  });

  it('never puts the pasted text in a share link', () => {
    const state = withText(NEXTCLOUD, { mode: 'secrets' });
    const link = encodeShare(state, composeBuilder.defaults, composeBuilder.schema);
    const payload = Buffer.from(link.slice(3), 'base64url').toString('utf8');
    expect(JSON.parse(payload)).toEqual({ mode: 'secrets' });
  });

  it('offers Copy share link only when the link would carry a choice', () => {
    expect(canShare(COMPOSE_DEFAULTS)).toBe(false);
    expect(canShare(withText(NEXTCLOUD))).toBe(false);
    expect(canShare(withText(NEXTCLOUD, { mode: 'secrets' }))).toBe(true);
    expect(canShare(withText('', { move: { 'services.app.environment.A': true } }))).toBe(true);
  });

  it('turns a hand-edited link into safe splitter options, keeping the text as typed', () => {
    const odd = { composeSource: ' x ', mode: 'bogus', secretSource: 7, move: { a: true, b: 'yes' } } as unknown as ComposeState;
    expect(composeBuilder.toInput(odd)).toEqual({
      source: ' x ',
      options: { mode: 'env', secretSource: 'environment', move: { a: true } },
    });
  });

  it('generates what the splitter does, findings included', () => {
    const state = withText(NEXTCLOUD, { mode: 'secrets' });
    expect(composeBuilder.generate(composeBuilder.toInput(state))).toEqual(
      splitWithFindings(NEXTCLOUD, { mode: 'secrets', secretSource: 'environment', move: {} }),
    );
  });

  it('lists the mode choices and shows the secret source only in secrets mode', () => {
    expect(composeBuilder.choices?.mode?.map((c) => c.value)).toEqual(['env', 'secrets']);
    expect(composeBuilder.choices?.secretSource?.map((c) => c.value)).toEqual(['environment', 'file']);
    expect([...(composeBuilder.fields?.(COMPOSE_DEFAULTS) ?? [])]).not.toContain('secretSource');
    expect([...(composeBuilder.fields?.(withText('', { mode: 'secrets' })) ?? [])]).toContain('secretSource');
  });

  it('stores a toggle only when it differs from detection', () => {
    const secret = { id: 'services.app.environment.DB_PASSWORD', secret: true };
    const unticked = toggleMove(COMPOSE_DEFAULTS, secret, false);
    expect(unticked.move).toEqual({ [secret.id]: false });
    expect(toggleMove(unticked, secret, true).move).toEqual({});
  });
});

describe('composeBuilder.applyFix', () => {
  it('binds a published port to 127.0.0.1 in the pasted text, changing nothing else', () => {
    const state = withText(NEXTCLOUD);
    const port = splitWithFindings(NEXTCLOUD).diagnostics.find((d) => d.code === 'port-published-all-interfaces')!;
    const fixed = composeBuilder.applyFix?.(state, port);
    expect(fixed?.composeSource).toBe(NEXTCLOUD.replace('- "8080:80"', '- "127.0.0.1:8080:80"'));
    expect(splitWithFindings(fixed!.composeSource).diagnostics.map((d) => d.code)).not.toContain('port-published-all-interfaces');
  });

  it('quotes an unquoted yes', () => {
    const source = 'services:\n  app:\n    image: x\n    environment:\n      FEATURE: yes # on\n';
    const note = splitWithFindings(source).diagnostics.find((d) => d.code === 'yaml-yes-no')!;
    expect(composeBuilder.applyFix?.(withText(source), note)?.composeSource).toBe(
      source.replace('FEATURE: yes', 'FEATURE: "yes"'),
    );
  });

  it('does nothing for a diagnostic without a fix or when the text has changed', () => {
    const port = splitWithFindings(NEXTCLOUD).diagnostics.find((d) => d.code === 'port-published-all-interfaces')!;
    expect(composeBuilder.applyFix?.(withText(NEXTCLOUD), { ...port, fix: undefined })).toBeUndefined();
    expect(composeBuilder.applyFix?.(withText('services: {}\n'), port)).toBeUndefined();
  });
});

describe('the samples a reader can load', () => {
  it.each(samples.map((s) => [s.id, s.compose] as const))('%s opens without a warning or an error', (_id, compose) => {
    const severities = splitWithFindings(compose).diagnostics.map((d) => d.severity);
    expect(severities.filter((s) => s !== 'info')).toEqual([]);
  });
});
