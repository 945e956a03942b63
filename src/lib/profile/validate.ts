/**
 * The full check of a homelab profile, with messages on its fields. LAN ranges go through the Tailscale CLI's own
 * route rules, so a range the profile accepts is one `--advertise-routes` accepts.
 */
import { error, warning, type Diagnostic } from '../core';
import { isIPv4Address, parseAddr, parsePrefix, prefixContains } from '../core/ip/go-netip';
import { parseAdvertiseRoutes } from '../tailscale/routes';
import type { Profile } from './model';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOMAIN = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const UPSTREAM_HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Names the portal and the profile itself use. */
const RESERVED_SUBDOMAINS = ['auth'];

/** Checks a profile; never throws. `valid` is false when any error was found. */
export function validateProfile(value: unknown): { valid: boolean; diagnostics: Diagnostic[] } {
  const d: Diagnostic[] = [];
  if (!value || typeof value !== 'object') {
    return { valid: false, diagnostics: [error('profile-not-object', 'The profile is not a set of fields.')] };
  }
  const p = value as Partial<Profile>;
  if (typeof p.domain !== 'string' || !DOMAIN.test(p.domain)) {
    d.push(
      error('profile-domain', 'Enter the base domain you own in lower case, like example.com (no scheme, no trailing dot).', {
        path: 'domain',
      }),
    );
  }
  const cidrs = Array.isArray(p.lanCidrs) ? p.lanCidrs : [];
  if (cidrs.length === 0)
    d.push(error('profile-lan-empty', 'Enter at least one LAN range, like 192.168.1.0/24.', { path: 'lanCidrs' }));
  cidrs.forEach((cidr, i) => {
    const parsed = typeof cidr === 'string' ? parseAdvertiseRoutes(cidr) : undefined;
    const problem = parsed?.diagnostics.find((x) => x.severity === 'error');
    if (!parsed || problem || parsed.routes.length !== 1) {
      d.push(
        error('profile-lan-cidr', problem?.message ?? `LAN range ${i + 1} is not a network range like 192.168.1.0/24.`, {
          path: `lanCidrs[${i}]`,
          ...(problem?.fix ? { fix: problem.fix } : {}),
        }),
      );
    }
  });
  if (typeof p.serverIp !== 'string' || !isIPv4Address(p.serverIp)) {
    d.push(
      error('profile-server-ip', "Enter the server's LAN address as an IPv4 address, like 192.168.1.10.", { path: 'serverIp' }),
    );
  }
  if (p.coordination !== 'tailscale' && p.coordination !== 'headscale') {
    d.push(error('profile-coordination', 'Choose Tailscale or Headscale.', { path: 'coordination' }));
  } else if (p.coordination === 'headscale' && !/^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/.test(String(p.headscaleUrl ?? ''))) {
    d.push(
      error(
        'profile-headscale-url',
        "Enter your Headscale server's address as an https URL, like https://headscale.example.com.",
        { path: 'headscaleUrl' },
      ),
    );
  }
  const services = Array.isArray(p.services) ? p.services : [];
  const seen = new Set<string>();
  services.forEach((s, i) => {
    const at = `services[${i}]`;
    if (!s || typeof s !== 'object') {
      d.push(error('profile-service', `Service ${i + 1} is not a set of fields.`, { path: at }));
      return;
    }
    if (typeof s.name !== 'string' || !NAME.test(s.name)) {
      d.push(
        error('profile-service-name', `Service ${i + 1}: use lower-case letters, digits, - or _ for the name.`, {
          path: `${at}.name`,
        }),
      );
    }
    if (typeof s.subdomain !== 'string' || !LABEL.test(s.subdomain)) {
      d.push(
        error('profile-service-subdomain', `Service ${i + 1}: the subdomain must be one DNS label, like jellyfin.`, {
          path: `${at}.subdomain`,
        }),
      );
    } else if (RESERVED_SUBDOMAINS.includes(s.subdomain)) {
      d.push(
        error(
          'profile-service-reserved',
          `Service ${i + 1}: ${s.subdomain} is the Authelia portal's name; pick another subdomain.`,
          { path: `${at}.subdomain` },
        ),
      );
    } else if (seen.has(s.subdomain)) {
      d.push(
        error('profile-service-duplicate', `Service ${i + 1}: another service already uses ${s.subdomain}.`, {
          path: `${at}.subdomain`,
        }),
      );
    } else seen.add(s.subdomain);
    const [host = '', port = '', extra] = typeof s.upstream === 'string' ? s.upstream.split(':') : [];
    const portNumber = Number(port);
    if (extra !== undefined || !UPSTREAM_HOST.test(host) || !/^\d{1,5}$/.test(port) || portNumber < 1 || portNumber > 65535) {
      d.push(
        error('profile-service-upstream', `Service ${i + 1}: write the upstream as host:port, like 192.168.1.10:8096.`, {
          path: `${at}.upstream`,
        }),
      );
    }
  });
  const users = Array.isArray(p.users) ? p.users : [];
  users.forEach((u, i) => {
    const at = `users[${i}]`;
    if (!u || typeof u !== 'object' || typeof u.username !== 'string' || !USERNAME.test(u.username)) {
      d.push(
        error('profile-user-name', `User ${i + 1}: use lower-case letters, digits, . _ or - for the username.`, {
          path: `${at}.username`,
        }),
      );
      return;
    }
    if (typeof u.email !== 'string' || !EMAIL.test(u.email)) {
      d.push(
        error('profile-user-email', `User ${i + 1}: enter an email address; Authelia sends its notices there.`, {
          path: `${at}.email`,
        }),
      );
    }
    if (!Array.isArray(u.groups) || u.groups.some((g) => typeof g !== 'string' || !NAME.test(g))) {
      d.push(
        error('profile-user-groups', `User ${i + 1}: group names use lower-case letters, digits, - or _.`, {
          path: `${at}.groups`,
        }),
      );
    }
  });
  if (
    typeof p.serverIp === 'string' &&
    isIPv4Address(p.serverIp) &&
    cidrs.length > 0 &&
    !cidrs.some((c) => typeof c === 'string' && ipInCidr(p.serverIp!, c))
  ) {
    d.push(
      warning(
        'profile-server-outside-lan',
        `The server address ${p.serverIp} is in none of your LAN ranges; Tailscale clients will not reach it through the subnet route.`,
        { path: 'serverIp' },
      ),
    );
  }
  return { valid: !d.some((x) => x.severity === 'error'), diagnostics: d };
}

function ipInCidr(ip: string, cidr: string): boolean {
  const addr = parseAddr(ip);
  const prefix = parsePrefix(cidr);
  return addr !== null && prefix !== null && prefixContains(prefix, addr);
}
