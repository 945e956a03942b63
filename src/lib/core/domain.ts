/**
 * Host names, domains and the cookie-domain verdict: the one owner every builder and the profile call.
 *
 * - `normalizeHostName`, `isHostName`, `isDomainName`, `isUnderDomain` — syntax and scope of DNS names as a reader
 *   types them (letters, digits, hyphens; labels of 1–63 characters; lower case after normalising).
 * - `isInCookieScope(host, domain)` — Authelia's "shares a cookie scope" test for URLs and hosts.
 * - `checkCookieDomain(domain, path?)` — Authelia 4.39's own rule for `session.cookies[].domain`, in its order and
 *   with its wording, then notes for names no public CA signs. An error here means Authelia refuses to start.
 *
 * Upstream rule: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/session.go#L110-L144
 * (messages: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/const.go#L393-L406,
 * pattern: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/const.go#L620,
 * public suffixes: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/util.go#L57-L66).
 */
import { error, info, warning, type Diagnostic } from './index';
import { parseAddr } from './ip/go-netip';
import { isListedPublicSuffix } from './public-suffixes';
import { shownValue } from './excerpt';

/** The excerpt owner is ./excerpt.ts; re-exported for the checks that import it from here. */
export { shownValue };

// ---------------------------------------------------------------------------------------------------------------------
// Host names and domains

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Trimmed, lower-cased, without one trailing dot: the form hosts are compared in. */
export function normalizeHostName(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}

/** A DNS host name as typed (case ignored): one or more labels of letters, digits and inner hyphens, 1–63 long. */
export function isHostName(value: string): boolean {
  const name = value.toLowerCase();
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}

/** A host name with at least two labels (`example.com`, `lab.home.arpa`), as a cookie or service domain needs. */
export function isDomainName(value: string): boolean {
  return isHostName(value) && value.includes('.');
}

/** True when `host` is `domain` or a name under it, compared after `normalizeHostName`. */
export function isUnderDomain(host: string, domain: string): boolean {
  const name = normalizeHostName(host);
  const parent = normalizeHostName(domain);
  return parent !== '' && (name === parent || name.endsWith(`.${parent}`));
}

/**
 * True when `host` is `domain` or a subdomain of it, case-insensitively (Authelia's `HasURIDomainSuffix` /
 * `HasDomainSuffix`: https://github.com/authelia/authelia/blob/v4.39.20/internal/utils/strings.go). A leading dot on
 * the domain is ignored, as browsers do for a cookie's Domain attribute.
 */
export function isInCookieScope(host: string, domain: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  const parent = domain.toLowerCase().replace(/^\./, '');
  return parent !== '' && (name === parent || name.endsWith(`.${parent}`));
}

/** An address Go's `net.ParseIP` accepts: `netip` rules without a zone (`fe80::1%eth0` is refused). */
export function isGoNetIp(value: string): boolean {
  const addr = parseAddr(value);
  return addr !== null && addr.zone === '';
}

/**
 * Go's `net.SplitHostPort`: the host of `host:port` or `[v6]:port`, or undefined when Go returns an error
 * (no colon, too many colons outside brackets, brackets in the wrong place). The port may be any text, even empty.
 */
export function splitHostPort(value: string): string | undefined {
  const last = value.lastIndexOf(':');
  if (last < 0) return undefined;
  let host: string;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0 || close + 1 !== last) return undefined;
    host = value.slice(1, close);
  } else {
    host = value.slice(0, last);
    if (host.includes(':')) return undefined;
  }
  if (/[[\]]/.test(host) || /[[\]]/.test(value.slice(last + 1))) return undefined;
  return host;
}

// ---------------------------------------------------------------------------------------------------------------------
// The cookie-domain verdict

/** Authelia's `reDomainCharacters`: lower-case labels joined by dots, at least two labels. */
const AUTHELIA_DOMAIN_CHARACTERS = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** Authelia's descriptor for the first (only) cookie: `session: domain config #1 (domain 'example.com')`. */
export function cookieDomainLabel(domain: string, position = 1): string {
  return `session: domain config #${position} (domain '${shownValue(domain)}')`;
}

/** Names that never get a publicly trusted certificate; `.local` is also taken by multicast DNS. */
const PRIVATE_TLDS: readonly { suffix: string; severity: 'warning' | 'info'; note: string }[] = [
  {
    suffix: 'local',
    severity: 'warning',
    note: "'.local' is reserved for multicast DNS (mDNS): phones and Macs often resolve it without asking your DNS server, so use a domain you own or a name under 'home.arpa' such as lab.home.arpa.",
  },
  {
    suffix: 'lan',
    severity: 'info',
    note: "'.lan' is not a public top-level domain: no public CA issues certificates for it, so your own CA must be trusted on every device.",
  },
  {
    suffix: 'home.arpa',
    severity: 'info',
    note: "names under 'home.arpa' are reserved for home networks: no public CA issues certificates for them, so your own CA must be trusted on every device.",
  },
  {
    suffix: 'internal',
    severity: 'info',
    note: "'.internal' is reserved for private use: no public CA issues certificates for it, so your own CA must be trusted on every device.",
  },
];

/** The value Authelia would accept that is closest to what was typed, if one is obvious. */
function suggestCookieDomain(domain: string): string | undefined {
  let candidate = domain.trim().toLowerCase().replace(/^\.+/, '');
  const host = splitHostPort(candidate);
  if (host !== undefined) candidate = host;
  candidate = candidate.replace(/\.$/, '');
  return candidate !== domain && AUTHELIA_DOMAIN_CHARACTERS.test(candidate) ? candidate : undefined;
}

/**
 * Authelia 4.39's verdict on a `session.cookies[].domain` value, as diagnostics on `path` (default `domain`).
 * Errors are exactly the cases where Authelia refuses to start, with its message first (its spelling, e.g.
 * "behavior") and a hint after it; warnings are Authelia's own warnings; the private-TLD notes are this project's.
 *
 * Codes: `cookie-domain-leading-dot` (warning) · `cookie-domain-port` (warning) · `cookie-domain-required` ·
 * `cookie-domain-wildcard` · `cookie-domain-no-dot` · `cookie-domain-invalid` · `cookie-domain-public-suffix` ·
 * `cookie-domain-label-length` (warning) · `cookie-domain-private-tld` (warning or info).
 * A `.example.com` gets the leading-dot warning **and** the invalid error; `example.com:8443` the port warning and
 * the invalid error — both as Authelia does. The value is checked as given: callers must not trim or lower-case it.
 */
export function checkCookieDomain(domain: string, path = 'domain'): Diagnostic[] {
  const at = cookieDomainLabel(domain);
  const out: Diagnostic[] = [];
  const fix = suggestCookieDomain(domain);
  const withFix = fix === undefined ? { path } : { path, fix };
  // session.go#L114-L116
  if (domain.startsWith('.')) {
    out.push(
      warning(
        'cookie-domain-leading-dot',
        `${at}: option 'domain' has a prefix of '.' which is not supported or intended behavior: you can use this at your own risk but we recommend removing it`,
        withFix,
      ),
    );
  }
  // session.go#L118-L122
  const portHost = domain.includes(':') ? splitHostPort(domain) : undefined;
  if (portHost !== undefined) {
    out.push(
      warning(
        'cookie-domain-port',
        `${at}: option 'domain' with value '${shownValue(domain)}' should probably have value '${shownValue(portHost)}' as it appears to include a port which is not supported and will likely fail to start and is otherwise unsupported`,
        withFix,
      ),
    );
  }
  // session.go#L124-L139
  if (domain === '') {
    out.push(
      error(
        'cookie-domain-required',
        `${at}: option 'domain' is required. Enter the domain your services live under, e.g. example.com.`,
        { path },
      ),
    );
    return out;
  }
  if (domain.startsWith('*.')) {
    out.push(
      error(
        'cookie-domain-wildcard',
        `${at}: option 'domain' must be the domain you wish to protect not a wildcard domain but it's configured as '${shownValue(domain)}'`,
        { path, fix: domain.slice(2) },
      ),
    );
    return out;
  }
  if (isGoNetIp(domain)) return out;
  if (!domain.includes('.')) {
    out.push(
      error(
        'cookie-domain-no-dot',
        `${at}: option 'domain' is not a valid cookie domain: must have at least a single period or be an ip address. Browsers do not share cookies for single-label names like 'localhost'; use a domain such as home.example.com.`,
        { path },
      ),
    );
    return out;
  }
  if (!AUTHELIA_DOMAIN_CHARACTERS.test(domain)) {
    const hint = fix
      ? ` Write it as '${fix}'.`
      : ' Only lower-case letters, digits, hyphens inside labels and dots between labels are allowed.';
    out.push(
      error(
        'cookie-domain-invalid',
        `${at}: option 'domain' does not appear to be a valid cookie domain or an ip address.${hint}`,
        withFix,
      ),
    );
    return out;
  }
  // session.go#L141-L143 (util.go trims leading dots first; none can remain here)
  if (isListedPublicSuffix(domain)) {
    out.push(
      error(
        'cookie-domain-public-suffix',
        `${at}: option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list. Browsers refuse cookies for '${shownValue(domain)}' itself; use your own name under it, e.g. myhome.${shownValue(domain)}.`,
        { path },
      ),
    );
    return out;
  }
  return [...out, ...domainNotes(domain, path)];
}

/** This project's notes on a domain Authelia accepts: over-long labels, names no public CA signs. */
function domainNotes(domain: string, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (domain.split('.').some((label) => label.length > 63)) {
    out.push(
      warning(
        'cookie-domain-label-length',
        `The cookie domain '${shownValue(domain)}' has a label longer than 63 characters: Authelia accepts it, but DNS cannot resolve such a name.`,
        { path },
      ),
    );
  }
  const privateTld = PRIVATE_TLDS.find((tld) => domain === tld.suffix || domain.endsWith(`.${tld.suffix}`));
  if (privateTld) {
    const make = privateTld.severity === 'warning' ? warning : info;
    out.push(
      make(
        'cookie-domain-private-tld',
        `The cookie domain '${shownValue(domain)}' is not publicly registrable: ${privateTld.note}`,
        {
          path,
        },
      ),
    );
  }
  return out;
}

/** True when Authelia accepts the cookie domain (no error from `checkCookieDomain`). */
export function isAcceptedCookieDomain(domain: string): boolean {
  return !checkCookieDomain(domain).some((diagnostic) => diagnostic.severity === 'error');
}

/**
 * The verdict on the homelab's base domain, the one every builder and the profile give: Authelia's cookie-domain rule
 * (`checkCookieDomain`, its messages), plus this project's one addition — an IP address, which Authelia accepts as a
 * cookie domain, cannot carry the names the services live under (`jellyfin.<domain>`, `auth.<domain>`).
 */
export function checkBaseDomain(domain: string, path = 'domain'): Diagnostic[] {
  const out = checkCookieDomain(domain, path);
  if (!out.some((d) => d.severity === 'error') && isGoNetIp(domain)) {
    out.push(
      error(
        'domain-ip-address',
        `'${shownValue(domain)}' is an IP address. Authelia accepts one as a cookie domain, but the services in this build live under names of your domain (jellyfin.example.com, auth.example.com), which an address cannot carry: enter a domain name.`,
        { path },
      ),
    );
  }
  return out;
}

/** True when `checkBaseDomain` finds no error: the one yes/no on a domain across the site. */
export function isAcceptedBaseDomain(domain: string): boolean {
  return !checkBaseDomain(domain).some((diagnostic) => diagnostic.severity === 'error');
}
