/**
 * Real client IP through the hops in front of the app: what NPM's snippets need (`set_real_ip_from`,
 * `real_ip_header`, `real_ip_recursive`, nginx's realip module: https://nginx.org/en/docs/http/ngx_http_realip_module.html),
 * what Authelia's `networks:` rules then see, and the app side (Home Assistant, Nextcloud).
 */
import { error, info, warning, type Diagnostic } from '../core';
import { networkCovers, parseNetwork, type IpNetwork } from '../core/ip/go-net';
import { CLOUDFLARE_RANGES, NPM_DEFAULT_TRUST, TAILNET_RANGES } from './realip-data';
import type { RealIpMode, RealIpOptions } from './types';

/** The header each mode reads the client's address from. */
export function realIpHeader(mode: RealIpMode): 'CF-Connecting-IP' | 'X-Forwarded-For' | undefined {
  if (mode === 'cloudflared' || mode === 'cloudflare') return 'CF-Connecting-IP';
  if (mode === 'relay') return 'X-Forwarded-For';
  return undefined;
}

/** Validated real-IP settings: the mode and the addresses nginx may trust. */
export interface RealIpPlan {
  mode: RealIpMode;
  /** The Docker network NPM shares with cloudflared and the apps (validated), when given. */
  dockerNetwork?: string;
  /** Relay addresses on the tailnet or LAN (validated). */
  relays: string[];
}

const lines = (value: unknown): string[] =>
  (Array.isArray(value) ? value : []).map((v) => String(v ?? '').trim()).filter((v) => v !== '');

function network(text: string): IpNetwork | undefined {
  return /^[0-9a-fA-F:.]+(?:\/\d{1,3})?$/.test(text) ? parseNetwork(text) : undefined;
}

const TAILNET = parseNetwork('100.64.0.0/10')!;

/** Prefix length as written (an IPv4 /16 is 16, not 112). */
const prefixLength = (n: IpNetwork) => (n.v4 ? n.bits - 96 : n.bits);

function overBroad(text: string, n: IpNetwork, path: string, what: string): Diagnostic[] {
  if (prefixLength(n) === 0) {
    const msg = `${text} trusts every address on the internet: anyone can then put any address into ${what} and NPM, Authelia and your apps believe it. Name only the proxy in front of NPM.`;
    return [error('realip-trust-everything', msg, { path })];
  }
  if (prefixLength(n) < (n.v4 ? 16 : 48)) {
    const msg = `${text} covers more than one Docker network or a whole LAN: every container or device in it could name any client address in ${what}. Use the one Docker network NPM and the proxy share (docker network inspect shows its Subnet, e.g. 172.18.0.0/16), or better the proxy's fixed address.`;
    return [warning('realip-trust-broad', msg, { path })];
  }
  return [];
}

function checkDockerNetwork(raw: string, required: boolean): { value?: string; diagnostics: Diagnostic[] } {
  const path = 'realIp.dockerNetwork';
  const text = raw.trim();
  if (text === '') {
    if (!required) return { diagnostics: [] };
    const msg =
      "Enter the Docker network NPM and cloudflared share (docker network inspect <name> shows its Subnet, e.g. 172.18.0.0/16), or cloudflared's fixed address on it.";
    return { diagnostics: [error('realip-docker-network-empty', msg, { path })] };
  }
  const n = network(text);
  if (!n) {
    const msg = `${JSON.stringify(raw)} is not an address or a range such as 172.18.0.0/16.`;
    return { diagnostics: [error('realip-docker-network-invalid', msg, { path })] };
  }
  const broad = overBroad(text, n, path, 'CF-Connecting-IP');
  // A rejected range is never written into a snippet.
  return broad.some((d) => d.severity === 'error') ? { diagnostics: broad } : { value: text, diagnostics: broad };
}

function checkRelays(raw: readonly string[]): { values: string[]; diagnostics: Diagnostic[] } {
  const values: string[] = [];
  const diagnostics: Diagnostic[] = [];
  raw.forEach((text, j) => {
    const path = `realIp.relays[${j}]`;
    const n = network(text);
    if (!n) {
      const msg = `${JSON.stringify(text)} is not an address or a range; enter the relay's tailnet address, e.g. 100.101.102.103.`;
      diagnostics.push(error('realip-relay-invalid', msg, { path }));
      return;
    }
    const tailnetWide = n.v4 && prefixLength(n) < 32 && (networkCovers(TAILNET, n) || networkCovers(n, TAILNET));
    if (tailnetWide && prefixLength(n) > 0) {
      const msg = `${text} is (part of) the whole tailnet: any of your tailnet devices could then name any client address in X-Forwarded-For. Trust only the relay's own tailnet address (tailscale ip -4 on the relay).`;
      diagnostics.push(warning('realip-trust-tailnet', msg, { path }));
      values.push(text);
      return;
    }
    const broad = overBroad(text, n, path, 'X-Forwarded-For');
    diagnostics.push(...broad);
    if (!broad.some((d) => d.severity === 'error')) values.push(text);
  });
  if (values.length === 0 && diagnostics.length === 0) {
    const msg = 'Enter the address of the proxy that forwards to NPM (its tailnet address, e.g. 100.101.102.103).';
    diagnostics.push(error('realip-relays-empty', msg, { path: 'realIp.relays' }));
  }
  return { values, diagnostics };
}

/** Validates the real-IP section. `unset` writes nothing (NPM's own defaults stay) and notes what they mean. */
export function checkRealIp(options: RealIpOptions | undefined): { plan: RealIpPlan; diagnostics: Diagnostic[] } {
  const mode: RealIpMode = options?.mode ?? 'unset';
  const diagnostics: Diagnostic[] = [];
  const docker = checkDockerNetwork(String(options?.dockerNetwork ?? ''), mode === 'cloudflared');
  diagnostics.push(...docker.diagnostics);
  let relays: string[] = [];
  if (mode === 'relay') {
    const checked = checkRelays(lines(options?.relays));
    relays = checked.values;
    diagnostics.push(...checked.diagnostics);
  }
  if (mode === 'unset') {
    const msg = `Real client IP is not set: NPM's defaults stay, which trust X-Real-IP from any private address (${NPM_DEFAULT_TRUST.join(', ')}). Anything in your LAN or Docker networks, and any visitor behind cloudflared, can then choose the address Authelia's networks rules see. Pick what sits in front of NPM under "Real client IP".`;
    diagnostics.push(info('realip-npm-defaults', msg, { path: 'realIp.mode' }));
  }
  return { plan: { mode, ...(docker.value ? { dockerNetwork: docker.value } : {}), relays }, diagnostics };
}

/** The server-level lines for every snippet (none for `unset`). */
export function realIpLines(plan: RealIpPlan): string[] {
  if (plan.mode === 'unset') return [];
  const head = [
    "# Real client IP. These lines replace NPM's own list for this host, which trusts X-Real-IP from every private",
    '# address. Only the proxies named here may tell nginx who the client is.',
  ];
  if (plan.mode === 'direct') {
    return [...head, '# Nothing sits in front of NPM: trust no header (unix: matches no TCP client).', 'set_real_ip_from unix:;'];
  }
  const trusted =
    plan.mode === 'cloudflared'
      ? [`set_real_ip_from ${plan.dockerNetwork ?? '127.0.0.1/32'};`]
      : plan.mode === 'cloudflare'
        ? [
            `# Cloudflare's edge ranges as published at ${CLOUDFLARE_RANGES.source} (checked ${CLOUDFLARE_RANGES.checked}).`,
            ...[...CLOUDFLARE_RANGES.v4, ...CLOUDFLARE_RANGES.v6].map((r) => `set_real_ip_from ${r};`),
          ]
        : plan.relays.map((r) => `set_real_ip_from ${r};`);
  return [...head, ...trusted, `real_ip_header ${realIpHeader(plan.mode)};`, 'real_ip_recursive on;'];
}

/** Where NPM's requests come from as the apps see them (for trusted_proxies). */
function npmSource(plan: RealIpPlan): string {
  return plan.dockerNetwork ?? '172.18.0.0/16';
}

function hopDescription(plan: RealIpPlan): string {
  switch (plan.mode) {
    case 'cloudflared':
      return `browser → Cloudflare → cloudflared (on the Docker network ${plan.dockerNetwork ?? '?'}) → NPM → app. NPM trusts only cloudflared and reads CF-Connecting-IP, which Cloudflare sets itself.`;
    case 'cloudflare':
      return "browser → Cloudflare (proxied DNS, orange cloud) → NPM's published ports → app. NPM trusts only Cloudflare's edge ranges and reads CF-Connecting-IP.";
    case 'relay':
      return `browser → relay proxy (${plan.relays.join(', ')}) → NPM → app. NPM trusts only the relay and reads the right-most untrusted address of X-Forwarded-For.`;
    case 'direct':
      return 'browser (LAN or tailnet) → NPM → app. Nothing is trusted: the TCP peer is the client.';
    default:
      return "not chosen: NPM's defaults apply (X-Real-IP trusted from every private address).";
  }
}

/** The notes file: NPM, Authelia and app settings for the real client IP. */
export function renderRealIpNotes(plan: RealIpPlan): string {
  const source = npmSource(plan);
  const out = [
    '# Real client IP',
    '',
    `Hops: ${hopDescription(plan)}`,
    '',
    '## NPM',
    '',
    plan.mode === 'unset'
      ? "- [ ] Choose what sits in front of NPM in the builder; until then the snippets keep NPM's defaults."
      : '- [ ] The real-IP lines are at the top of every snippet; paste every host again after changing them.',
    "- [ ] Tailscale clients that connect straight to NPM need nothing: their tailnet address (100.64.0.0/10) is the TCP peer. Check NPM's access log once: if they appear as the Docker network's gateway (such as 172.18.0.1) instead, Docker is rewriting the source address on your host, and every networks rule sees that one address.",
    '',
    '## Authelia',
    '',
    "- [ ] The snippet sends Authelia X-Forwarded-For = nginx's $remote_addr, overwritten, never appended; Authelia's networks rules match the first address of that header, so they see the address worked out above.",
    `- [ ] A networks bypass (or one_factor) rule for private ranges is only safe when no internet visitor can appear with a private address: ${
      plan.mode === 'cloudflared' || plan.mode === 'relay' || plan.mode === 'cloudflare'
        ? 'with the lines above visitors keep their own public address.'
        : plan.mode === 'direct'
          ? 'with nothing in front of NPM, only your LAN and tailnet clients have private addresses.'
          : "with NPM's defaults, every visitor behind cloudflared shows up as cloudflared's private address and can also send X-Real-IP: 192.168.1.10 to pick one."
    }`,
    `- [ ] Tailnet rules: ${TAILNET_RANGES.join(' and ')} are the tailnet's ranges; a rule for them matches tailnet clients that reach NPM directly.`,
    '',
    '## Apps behind NPM',
    '',
    "NPM connects to the apps from its address on the Docker network they share, and sends X-Forwarded-For with one address (the client, overwritten) from the snippet's locations. Trust NPM only.",
    '',
    'Home Assistant (configuration.yaml; without these lines it answers 400 Bad Request to every request through NPM):',
    '',
    '```yaml',
    'http:',
    '  use_x_forwarded_for: true',
    '  trusted_proxies:',
    `    - ${source} # where NPM connects from (NPM's fixed address is narrower)`,
    '```',
    '',
    'Nextcloud (config/config.php):',
    '',
    '```php',
    `'trusted_proxies' => ['${source}'],`,
    "'forwarded_for_headers' => ['HTTP_X_FORWARDED_FOR'],",
    '```',
    '',
    "Never trust 0.0.0.0/0 or 172.16.0.0/12 in an app: every container (and with 0.0.0.0/0 every client) could then send X-Forwarded-For and pick its address. NPM's own locations (Cache Assets, Custom Locations, a paths-only host's public part) append to a client's X-Forwarded-For instead of replacing it, so apps must read the right-most address added by a trusted proxy, as Home Assistant and Nextcloud do.",
    '',
  ];
  return out.join('\n');
}
