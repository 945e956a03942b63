/**
 * The request URL as Authelia reads it: Go's `url.Parse`, the object built from it
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/types.go#L90-L97: `Domain` is
 * `URL.Hostname()` as received, `Path` is `utils.URLPathFullClean`), and `URL.Query()` for query conditions.
 * - the path is percent-decoded before `path.Clean`, so `/admin%2Fx/../y` is `/admin/y`
 *   (https://github.com/authelia/authelia/blob/v4.39.20/internal/utils/url.go#L11-L30), where a browser's URL parser
 *   would give `/y`;
 * - `resources` see the cleaned path plus `?` and the raw query;
 * - query pairs containing `;` are dropped, `+` is a space, and a pair with a bad escape is dropped
 *   (https://github.com/golang/go/blob/go1.26.0/src/net/url/url.go, `parseQuery`).
 */

export interface GoUrl {
  scheme: string;
  /** `URL.Hostname()`: no port, no brackets, case and trailing dot as received. */
  host: string;
  /** The decoded path ('/' when the URL has none: nginx's `$request_uri` always starts with one). */
  path: string;
  rawQuery: string;
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Go's `unescape`; undefined for a bad `%` escape. `plusIsSpace` for query components. */
function unescape(text: string, plusIsSpace: boolean): string | undefined {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '%') {
      const hex = text.slice(index + 1, index + 3);
      if (!HEX.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else if (char === '+' && plusIsSpace) bytes.push(0x20);
    else bytes.push(...encoder.encode(char));
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** Go's `url.ParseQuery`, keeping the first value per key (what `Values.Get` returns) and presence. */
export function parseGoQuery(rawQuery: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const equals = pair.indexOf('=');
    const key = unescape(equals < 0 ? pair : pair.slice(0, equals), true);
    const value = unescape(equals < 0 ? '' : pair.slice(equals + 1), true);
    if (key === undefined || value === undefined) continue;
    if (!values.has(key)) values.set(key, value);
  }
  return values;
}

/** Go's `path.Clean` for a rooted path. */
export function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/** `utils.URLPathFullClean`: cleaned path, trailing slash kept, then `?` and the raw query when there is one. */
export function fullCleanPath(url: GoUrl): string {
  const trailing = url.path.length > 1 && url.path.endsWith('/');
  const clean = url.path.length === 1 ? url.path : cleanPath(url.path) + (trailing ? '/' : '');
  return url.rawQuery.length ? `${clean}?${url.rawQuery}` : clean;
}

/** Go's `url.Parse` for an absolute URL; an error names what Go rejects. */
export function parseGoUrl(text: string): { url?: GoUrl; error?: string } {
  const withoutFragment = text.split('#')[0] ?? '';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(withoutFragment);
  if (!scheme) return { error: 'it has no scheme and host, such as https://app.example.com/' };
  const rest = withoutFragment.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const afterAuthority = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const question = afterAuthority.indexOf('?');
  const rawPath = question < 0 ? afterAuthority : afterAuthority.slice(0, question);
  const rawQuery = question < 0 ? '' : afterAuthority.slice(question + 1);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host: string;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return { error: "missing ']' in host" };
    host = hostPort.slice(1, close);
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && !/^\d*$/.test(hostPort.slice(colon + 1))) return { error: 'the port is not a number' };
    host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
  }
  // Go accepts only these ASCII characters in a host name (non-ASCII passes through):
  // https://github.com/golang/go/blob/go1.26.0/src/net/url/url.go (`shouldEscape`, encodeHost).
  const bad = [...host].find((char) => char.charCodeAt(0) < 0x80 && !/[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]/.test(char));
  if (bad !== undefined) return { error: `invalid character ${JSON.stringify(bad)} in host name` };
  if (host === '') return { error: 'it has no host' };
  const path = unescape(rawPath, false);
  if (path === undefined) return { error: 'the path has an invalid % escape' };
  return { url: { scheme: scheme[1]!.toLowerCase(), host, path: path === '' ? '/' : path, rawQuery } };
}
