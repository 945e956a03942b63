/**
 * Navigation model for the guides: grouping by layer, reading order, previous/next.
 * Pure data in, data out — no Astro imports, so it is unit-tested directly.
 */

export type Layer = 0 | 1 | 2 | 3 | 4 | 'none';

export interface GuideMeta {
  /** Collection id = URL slug. */
  id: string;
  title: string;
  description: string;
  layer: Layer;
  order: number;
}

export interface LayerInfo {
  layer: Layer;
  /** Short label used in navigation ("Layer 1"). */
  label: string;
  /** Name of the layer ("Network access"). */
  name: string;
  /** The one job the layer does. */
  job: string;
  /** The tool that does it in this build. */
  tool: string;
}

/** The groups in reading order. Layer 0 is "start here", 'none' collects reference pages. */
export const LAYERS: readonly LayerInfo[] = [
  {
    layer: 0,
    label: 'Start here',
    name: 'Start here',
    job: 'Pick the threats worth defending against and the order to build in.',
    tool: '—',
  },
  {
    layer: 1,
    label: 'Layer 1',
    name: 'Network access',
    job: 'Decide who can reach your network at all — nobody from the open internet.',
    tool: 'Tailscale',
  },
  {
    layer: 2,
    label: 'Layer 2',
    name: 'Transport',
    job: 'Clean hostnames and valid HTTPS for every service, through one chokepoint.',
    tool: 'Nginx Proxy Manager',
  },
  {
    layer: 3,
    label: 'Layer 3',
    name: 'Identity',
    job: 'One login, with a second factor where it matters, in front of everything.',
    tool: 'Authelia',
  },
  {
    layer: 4,
    label: 'Layer 4',
    name: 'Host',
    job: 'Keep the machine itself boring: keys, patches, secrets, backups.',
    tool: 'SSH keys, updates, secret hygiene',
  },
  {
    layer: 'none',
    label: 'Check and decide',
    name: 'Check and decide',
    job: 'Verify the result and choose what to leave out.',
    tool: '—',
  },
];

export function layerInfo(layer: Layer): LayerInfo {
  const info = LAYERS.find((l) => l.layer === layer);
  if (!info) throw new Error(`Unknown layer: ${String(layer)}`);
  return info;
}

export function guideHref(id: string): string {
  return `/guides/${id}/`;
}

export interface NavGroup<T extends GuideMeta> {
  info: LayerInfo;
  guides: T[];
}

/** Groups guides by layer in reading order; empty groups are left out. Ties on `order` sort by title. */
export function groupGuides<T extends GuideMeta>(guides: readonly T[]): NavGroup<T>[] {
  return LAYERS.map((info) => ({
    info,
    guides: guides
      .filter((g) => g.layer === info.layer)
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'en')),
  })).filter((group) => group.guides.length > 0);
}

/** All guides flattened into the order a reader walks through them. */
export function readingOrder<T extends GuideMeta>(guides: readonly T[]): T[] {
  return groupGuides(guides).flatMap((group) => group.guides);
}

/** The guides before and after `id` in reading order (undefined at either end). */
export function neighbours<T extends GuideMeta>(guides: readonly T[], id: string): { prev: T | undefined; next: T | undefined } {
  const ordered = readingOrder(guides);
  const index = ordered.findIndex((g) => g.id === id);
  if (index === -1) throw new Error(`No guide with id "${id}"`);
  return { prev: ordered[index - 1], next: ordered[index + 1] };
}
