/**
 * "Copy redacted": replaces what identifies a reader's network or grants access (domains, IP addresses, e-mail
 * addresses, secrets after a key name, password hashes, long tokens) with stable placeholders, so the same value
 * always gets the same placeholder and a forum reader can still follow the log. One pass over the text, so a
 * placeholder is never redacted again; placeholders never equal a value from the paste.
 */
import { parseAddr } from '../core/ip/go-netip';
import { stripAnsi } from './normalize';

/** Top-level domains treated as names (file names like config.yml or main.go must stay readable). */
const TLDS = new Set(
  (
    'com net org io dev app co me info biz xyz cloud online site tech top club pro name eu de uk nl fr be ch at se no dk fi pl it es pt ie cz sk hu ro gr ' +
    'us ca au nz jp cn in br ru ua tr za mx ar cl kr tw hk sg my id ph vn th il ae sa ir lt lv ee si hr rs bg is lu li ' +
    'lan local home internal localdomain corp intranet private arpa test invalid example duckdns ts ddns gg tv fm ai ' +
    'network systems services solutions space website family house garden email link live life world today page'
  ).split(' '),
);

/** Public project domains that identify nobody and help a reader (links in log lines, docs hints). */
const KEEP_DOMAINS = new Set([
  'github.com',
  'tailscale.com',
  'login.tailscale.com',
  'controlplane.tailscale.com',
  'pkgs.tailscale.com',
  'cloudflare.com',
  'api.cloudflare.com',
  'developers.cloudflare.com',
  'authelia.com',
  'www.authelia.com',
  'letsencrypt.org',
  'community.letsencrypt.org',
  'acme-v02.api.letsencrypt.org',
  'docker.com',
  'docs.docker.com',
  'home-assistant.io',
  'www.home-assistant.io',
  'nginx.org',
  'nginxproxymanager.com',
]);

const SECRET_KEY = String.raw`[A-Za-z_]{0,40}(?:password|passwd|secret|token|api[_-]?key|apikey|auth[_-]?key|encryption[_-]?key|private[_-]?key|client[_-]?secret)[A-Za-z_]{0,40}`;

// Alternatives in priority order; every quantifier is bounded.
const TOKENS = new RegExp(
  [
    // 1: key name, 2: separator, 3: value
    String.raw`\b(${SECRET_KEY})(\s{0,4}[:=]\s{0,4}["']?)([^\s"',;}{]{3,512})`,
    // 4: password hash (PHC / crypt)
    String.raw`(\$(?:argon2id|argon2i|argon2d|2[abxy]|pbkdf2(?:-sha\d{3})?|[156])\$[A-Za-z0-9./+=$,-]{8,512})`,
    // 5: e-mail
    String.raw`([A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,24})`,
    // 6: IPv6 candidate (validated below), optionally ending in an embedded IPv4
    String.raw`((?:[0-9A-Fa-f]{0,4}:){2,8}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?)`,
    // 7: IPv4
    String.raw`((?:\d{1,3}\.){3}\d{1,3})`,
    // 8: domain name
    String.raw`((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,24})`,
    // 9: Tailscale keys and similar prefixed tokens
    String.raw`(tskey-[A-Za-z0-9-]{8,200}|nodekey:[0-9a-f]{16,128}|mkey:[0-9a-f]{16,128})`,
    // 10: long token (base64/url-safe/hex), checked for mixed characters below
    String.raw`([A-Za-z0-9_\-+/]{24,1024}={0,2})`,
  ].join('|'),
  'g',
);

const isIPv4 = (text: string): boolean =>
  text.split('.').every((octet) => Number(octet) <= 255 && String(Number(octet)) === octet.replace(/^0+(?=\d)/, ''));

function looksLikeToken(text: string): boolean {
  const core = text.replace(/=+$/, '');
  if (/^[0-9a-f]{32,}$/i.test(core)) return true;
  const upper = /[A-Z]/.test(core);
  const lower = /[a-z]/.test(core);
  const digit = /\d/.test(core);
  if (core.includes('/')) return upper && lower && digit && core.length >= 32 && !/\/\//.test(core);
  return upper && lower && digit;
}

class Placeholders {
  private readonly assigned = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly original: string;
  constructor(original: string) {
    this.original = original;
  }

  /** The placeholder for `value` of `kind`, made by `make(n)`, skipping any that occurs in the paste. */
  get(kind: string, value: string, make: (n: number) => string): string {
    const key = `${kind}\u0000${value}`;
    const known = this.assigned.get(key);
    if (known) return known;
    let n = this.counters.get(kind) ?? 0;
    let candidate: string;
    do {
      n += 1;
      candidate = make(n);
    } while (this.original.includes(candidate) && n < 1_000_000);
    this.counters.set(kind, n);
    this.assigned.set(key, candidate);
    return candidate;
  }
}

/** The text with every address, name and secret replaced by a stable placeholder. */
export function redact(input: string): string {
  const text = stripAnsi(input);
  const names = new Placeholders(text);
  const ipv4 = (value: string) =>
    names.get('ipv4', value, (n) => `192.0.2.${n % 254 || 254}${n > 254 ? `-${Math.ceil(n / 254)}` : ''}`);
  const redactIPv4Inside = (value: string) =>
    value.replace(/(?:\d{1,3}\.){3}\d{1,3}/g, (candidate) => (isIPv4(candidate) ? ipv4(candidate) : candidate));

  return text.replace(TOKENS, (match: string, ...groups: (string | undefined)[]) => {
    const [key, separator, value, hash, email, ipv6, v4, domain, prefixed, token] = groups;
    if (key !== undefined && separator !== undefined && value !== undefined) {
      return `${key}${separator}${names.get('secret', value, (n) => `<secret-${n}>`)}`;
    }
    if (hash !== undefined) return names.get('hash', hash, (n) => `<hash-${n}>`);
    if (email !== undefined) return names.get('email', email.toLowerCase(), (n) => `user${n}@example.com`);
    if (ipv6 !== undefined) {
      // The candidate may run on into a port or a following word: try it, then shorter prefixes ending before a colon.
      for (let end = ipv6.length; end > 1; end = ipv6.lastIndexOf(':', end - 1)) {
        const candidate = ipv6.slice(0, end);
        if ((candidate.match(/:/g)?.length ?? 0) >= 2 && parseAddr(candidate)) {
          const placeholder = names.get('ipv6', candidate.toLowerCase(), (n) => `2001:db8::${n.toString(16)}`);
          return placeholder + redactIPv4Inside(ipv6.slice(end));
        }
      }
      return redactIPv4Inside(ipv6);
    }
    if (v4 !== undefined) return isIPv4(v4) ? ipv4(v4) : match;
    if (domain !== undefined) {
      const lower = domain.toLowerCase();
      const tld = lower.slice(lower.lastIndexOf('.') + 1);
      if (!TLDS.has(tld) || KEEP_DOMAINS.has(lower)) return match;
      return names.get('domain', lower, (n) => (n === 1 ? 'example.com' : `host${n - 1}.example.com`));
    }
    if (prefixed !== undefined) return names.get('token', prefixed, (n) => `<token-${n}>`);
    if (token !== undefined) {
      if (looksLikeToken(token)) return names.get('token', token, (n) => `<token-${n}>`);
      // A path or URL part: judge each segment on its own.
      if (token.includes('/')) {
        return token
          .split('/')
          .map((segment) =>
            segment.length >= 24 && looksLikeToken(segment) ? names.get('token', segment, (n) => `<token-${n}>`) : segment,
          )
          .join('/');
      }
    }
    return match;
  });
}
