/**
 * NPM's option combinations for the matrix tests: the SSL tab's states × Cache Assets × Block Common Exploits ×
 * Websockets Support × one Custom Location, 7 × 2 × 2 × 2 × 2 = 112.
 */
import type { CustomLocation, ProxyHostConf, SslSettings } from './npm-template';

export interface Combination {
  index: number;
  /** e.g. "cert+http2+forceSsl+hsts, cacheAssets, customLocation". */
  label: string;
  ssl: SslSettings;
  cacheAssets: boolean;
  blockExploits: boolean;
  websocketsToggle: boolean;
  customLocation: boolean;
}

/** The SSL tab's states: no certificate; a certificate with HTTP/2, Force SSL and HSTS (+ subdomains) switched on in turn. */
export const SSL_STATES: readonly { name: string; ssl: SslSettings }[] = [
  { name: 'no certificate', ssl: { certificate: false } },
  { name: 'cert', ssl: { certificate: true } },
  { name: 'cert+http2', ssl: { certificate: true, http2: true } },
  { name: 'cert+forceSsl', ssl: { certificate: true, forceSsl: true } },
  { name: 'cert+http2+forceSsl', ssl: { certificate: true, http2: true, forceSsl: true } },
  { name: 'cert+forceSsl+hsts', ssl: { certificate: true, forceSsl: true, hsts: true } },
  {
    name: 'cert+http2+forceSsl+hsts+subdomains',
    ssl: { certificate: true, http2: true, forceSsl: true, hsts: true, hstsSubdomains: true },
  },
];

const TOGGLES = ['cacheAssets', 'blockExploits', 'websocketsToggle', 'customLocation'] as const;

export const COMBINATIONS: readonly Combination[] = SSL_STATES.flatMap((state, s) =>
  Array.from({ length: 1 << TOGGLES.length }, (_, bits) => {
    const on = TOGGLES.filter((_, i) => (bits & (1 << i)) !== 0);
    const flag = (t: (typeof TOGGLES)[number]) => on.includes(t);
    return {
      index: s * (1 << TOGGLES.length) + bits,
      label: [state.name, ...on].join(', '),
      ssl: state.ssl,
      cacheAssets: flag('cacheAssets'),
      blockExploits: flag('blockExploits'),
      websocketsToggle: flag('websocketsToggle'),
      customLocation: flag('customLocation'),
    };
  }),
);

/** The Custom Location every combination with one gets: /files to a second upstream. */
export const CUSTOM_PATH = '/files';

export function hostFor(
  combo: Combination,
  id: number,
  hostname: string,
  advanced: string,
  upstreams: { app: number; custom: number },
): ProxyHostConf {
  const custom: CustomLocation[] = combo.customLocation
    ? [{ path: CUSTOM_PATH, forwardHost: '127.0.0.1', forwardPort: upstreams.custom }]
    : [];
  return {
    id,
    hostname,
    forwardHost: '127.0.0.1',
    forwardPort: upstreams.app,
    advanced,
    cacheAssets: combo.cacheAssets,
    blockExploits: combo.blockExploits,
    websocketsToggle: combo.websocketsToggle,
    ssl: combo.ssl,
    customLocations: custom,
  };
}

/** Runs `task` over `items` with at most `limit` at a time; resolves with the results in order. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
