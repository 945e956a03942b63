import { checkBaseDomain } from '../core/domain';
import { error, info, warning, type Diagnostic } from '../core';
import { AUTHELIA_DEFAULT_PORT } from './defaults';

/** A validated value, or none plus the reasons why. */
export interface Checked<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Characters nginx reads as syntax or that end a token: never allowed in a value written into a snippet. */
const NGINX_SYNTAX = /[\s;{}"'\\#$`]/;

/** The location the snippet reserves for the Authelia subrequest. */
export const AUTHZ_LOCATION = '/internal/authelia/authz';
/** NPM's Let's Encrypt location (`location ^~ /.well-known/acme-challenge/`). */
export const ACME_LOCATION = '/.well-known/acme-challenge/';

export function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value.split('.').every((label) => LABEL.test(label));
}

function describe(value: string): string {
  return JSON.stringify(value);
}

function withFix(candidate: string | undefined): { fix?: string } {
  return candidate !== undefined && isHostname(candidate) ? { fix: candidate } : {};
}

/** Checks a hostname as typed into NPM's Domain Names field; the value is lowercased. */
export function checkHostname(raw: string, path: string, label = 'Hostname'): Checked<string> {
  const shown = describe(raw);
  const trimmed = raw.trim().toLowerCase();
  if (trimmed === '')
    return { diagnostics: [error('hostname-empty', `${label} is empty; enter a name such as app.example.com.`, { path })] };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/.exec(trimmed);
  if (scheme) {
    const host = (scheme[2] ?? '').replace(/:\d*$/, '');
    const msg = `${label} ${shown} includes a scheme (${scheme[1]}://); enter the bare name, without http:// or https://.`;
    return { diagnostics: [error('hostname-scheme', msg, { path, ...withFix(host) })] };
  }
  if (/\s/.test(trimmed)) {
    const msg = `${label} ${shown} contains a space; a hostname is one word like app.example.com (use one entry per name).`;
    return { diagnostics: [error('hostname-space', msg, { path })] };
  }
  if (raw !== raw.trim()) {
    const msg = `${label} ${shown} has spaces around it; remove them.`;
    return { diagnostics: [error('hostname-space', msg, { path, ...withFix(trimmed) })] };
  }
  if (trimmed.includes('*')) {
    const msg = `${label} ${shown} is a wildcard; this builder writes one Advanced text per proxy host, so list each name (e.g. app.example.com) separately.`;
    return { diagnostics: [error('hostname-wildcard', msg, { path })] };
  }
  const slash = trimmed.search(/[/?#]/);
  if (slash >= 0) {
    const msg = `${label} ${shown} includes a path or query; enter only the name, the path goes into the paths list.`;
    return { diagnostics: [error('hostname-path', msg, { path, ...withFix(trimmed.slice(0, slash).replace(/:\d*$/, '')) })] };
  }
  if (/:\d*$/.test(trimmed)) {
    const msg = `${label} ${shown} includes a port; NPM listens on 80/443 for the name, the app's port goes into the Details tab's Forward Port.`;
    return { diagnostics: [error('hostname-port', msg, { path, ...withFix(trimmed.replace(/:\d*$/, '')) })] };
  }
  if (trimmed.endsWith('.')) {
    const msg = `${label} ${shown} ends with a dot; leave the trailing dot out.`;
    return { diagnostics: [error('hostname-invalid', msg, { path, ...withFix(trimmed.replace(/\.+$/, '')) })] };
  }
  if (!isHostname(trimmed)) {
    const syntax = NGINX_SYNTAX.test(trimmed)
      ? ' Quotes, semicolons, braces and similar characters would change the nginx configuration.'
      : '';
    const msg = `${label} ${shown} is not a valid hostname: use letters, digits, hyphens and dots only (labels of at most 63 characters, not starting or ending with a hyphen).${syntax}`;
    return { diagnostics: [error('hostname-invalid', msg, { path })] };
  }
  return { value: trimmed, diagnostics: [] };
}

/** True when `host` equals `domain` or is a subdomain of it. */
export function inDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export interface Upstream {
  scheme: 'http' | 'https';
  /** host[:port] exactly as written into the snippet. */
  authority: string;
  host: string;
  port?: string;
}

function parseUpstreamUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** Checks `autheliaUpstream` (`http://authelia:9091`). */
export function checkUpstream(raw: string, path = 'autheliaUpstream'): Checked<Upstream> {
  const value = raw.trim();
  const shown = describe(raw);
  if (value === '')
    return {
      diagnostics: [
        error('upstream-empty', 'The Authelia upstream is empty; enter how NPM reaches Authelia, e.g. http://authelia:9091.', {
          path,
        }),
      ],
    };
  if (NGINX_SYNTAX.test(value)) {
    const msg = `The Authelia upstream ${shown} contains spaces, quotes, semicolons or similar characters, which would change the nginx configuration; enter only scheme, host and port, e.g. http://authelia:9091.`;
    return { diagnostics: [error('upstream-invalid', msg, { path })] };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const bare = value.replace(/\/+$/, '');
    // Authelia listens on 9091 unless its server.address says otherwise: `authelia` alone means http://authelia:9091.
    const fix = `http://${bare}${/:\d+$/.test(bare) || bare.includes('/') ? '' : `:${AUTHELIA_DEFAULT_PORT}`}`;
    const msg = `The Authelia upstream ${shown} has no scheme; Authelia listens on plain HTTP inside Docker, so write ${fix}.`;
    const ok = checkUpstream(fix).value !== undefined;
    return { diagnostics: [error('upstream-missing-scheme', msg, { path, ...(ok ? { fix } : {}) })] };
  }
  const url = parseUpstreamUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    const msg = `The Authelia upstream ${shown} is not an http:// or https:// address such as http://authelia:9091.`;
    return { diagnostics: [error('upstream-invalid', msg, { path })] };
  }
  const host = url.hostname;
  const ipv6 = host.startsWith('[');
  if (!ipv6 && !isHostname(host)) {
    const msg = `The Authelia upstream ${shown} does not name a valid host (letters, digits, hyphens and dots, e.g. authelia).`;
    return { diagnostics: [error('upstream-invalid', msg, { path })] };
  }
  if (url.port === '0') {
    return {
      diagnostics: [
        error('upstream-invalid', `The Authelia upstream ${shown} uses port 0; Authelia listens on 9091 by default.`, { path }),
      ],
    };
  }
  const authority = url.port ? `${host}:${url.port}` : host;
  const clean = `${url.protocol}//${authority}`;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    const msg = `The Authelia upstream ${shown} includes a path; leave it out — the snippet adds /api/authz/auth-request itself, and Authelia answers it on the root even when it serves a subpath.`;
    return { diagnostics: [error('upstream-path', msg, { path, fix: clean })] };
  }
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const diagnostics: Diagnostic[] = [];
  if (!url.port && scheme === 'http') {
    const fix = `http://${host}:${AUTHELIA_DEFAULT_PORT}`;
    const msg = `The Authelia upstream ${shown} has no port, so NPM connects to port 80; Authelia listens on ${AUTHELIA_DEFAULT_PORT} unless its server.address says otherwise. Write ${fix}.`;
    diagnostics.push(warning('upstream-no-port', msg, { path, fix }));
  }
  return { value: { scheme, authority, host, ...(url.port ? { port: url.port } : {}) }, diagnostics };
}

export interface Portal {
  url: string;
  hostname: string;
  https: boolean;
}

/** Checks `portalUrl` (`https://auth.example.com`). */
export function checkPortalUrl(raw: string, path = 'portalUrl'): Checked<Portal> {
  const value = raw.trim();
  const shown = describe(raw);
  if (value === '')
    return {
      diagnostics: [
        error(
          'portal-url-invalid',
          'The portal URL is empty; enter the address of the Authelia login page, e.g. https://auth.example.com.',
          { path },
        ),
      ],
    };
  if (NGINX_SYNTAX.test(value) || !/^https?:\/\//i.test(value)) {
    const fix = /^[a-z0-9.-]+$/i.test(value) && isHostname(value.toLowerCase()) ? { fix: `https://${value.toLowerCase()}` } : {};
    const msg = `The portal URL ${shown} is not a web address such as https://auth.example.com (scheme and hostname, no spaces or quotes).`;
    return { diagnostics: [error('portal-url-invalid', msg, { path, ...fix })] };
  }
  const url = parseUpstreamUrl(value);
  if (!url || url.username || url.password || !isHostname(url.hostname)) {
    const msg = `The portal URL ${shown} does not name a valid host; use a full name such as https://auth.example.com.`;
    return { diagnostics: [error('portal-url-invalid', msg, { path })] };
  }
  const https = url.protocol === 'https:';
  const diagnostics: Diagnostic[] = [];
  if (!https) {
    const fixed = `https://${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    const msg = `The portal URL ${shown} is not https; Authelia requires session.cookies[].authelia_url to be https and only sends its session cookie over HTTPS, so logins would never stick. Give the portal host a certificate in NPM and use ${fixed}.`;
    diagnostics.push(warning('portal-not-https', msg, { path, fix: fixed }));
  }
  const href = url.pathname === '/' && !url.search && !url.hash ? url.origin : url.href;
  return { value: { url: href, hostname: url.hostname, https }, diagnostics };
}

/** The cookie domain an empty field stands for: the portal's host without its first label (the host itself with two). */
export function portalParentDomain(hostname: string): string {
  const labels = hostname.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : hostname;
}

/**
 * Checks `cookieDomain`; empty means the portal's parent domain. A typed domain gets the one verdict every builder and
 * the profile give (`checkBaseDomain` in src/lib/core/domain.ts: Authelia's cookie-domain rule, in its words).
 */
export function checkCookieDomain(raw: string | undefined, portal: Portal | undefined, path = 'cookieDomain'): Checked<string> {
  const typed = raw ?? '';
  if (typed.trim() === '') return portal ? { value: portalParentDomain(portal.hostname), diagnostics: [] } : { diagnostics: [] };
  const verdict = checkBaseDomain(typed, path).filter((d) => d.severity !== 'info');
  if (verdict.some((d) => d.severity === 'error')) {
    // One code for the builder's fix routing; the message is Authelia's.
    return { diagnostics: verdict.map((d) => (d.severity === 'error' ? { ...d, code: 'cookie-domain-invalid' } : d)) };
  }
  return { value: typed, diagnostics: verdict };
}

export interface PathCheck extends Checked<string> {
  /** The entry asks for `/` (the whole host). */
  root?: boolean;
}

const PATH_CHARS = /^\/[A-Za-z0-9\-._~!&()*+,=:@/]*$/;

function pathFix(candidate: string): { fix?: string } {
  const c = checkPath(candidate, '');
  return c.value !== undefined && c.diagnostics.every((d) => d.severity !== 'error') ? { fix: c.value } : {};
}

function normalizeSegments(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}${p.endsWith('/') && out.length > 0 ? '/' : ''}`;
}

/** Checks one extra protected path (`/admin`). `^~ /` and `^~ /x` are recognised as location forms. */
export function checkPath(raw: string, path: string): PathCheck {
  const shown = describe(raw);
  if (raw.trim() === '')
    return {
      diagnostics: [error('path-empty', 'This path is empty; enter a path such as /admin, or remove the entry.', { path })],
    };
  const modifier = /^\s*(\^~|=|~\*|~)\s*(\S*)\s*$/.exec(raw);
  if (modifier) return checkModifier(modifier[1] ?? '', modifier[2] ?? '', raw, path);
  if (raw !== raw.trim()) {
    return {
      diagnostics: [error('path-space', `Path ${shown} has spaces around it; remove them.`, { path, ...pathFix(raw.trim()) })],
    };
  }
  if (/\s/.test(raw)) {
    const msg = `Path ${shown} contains a space; nginx would read it as two words. Use a path without spaces such as /my-app.`;
    return { diagnostics: [error('path-space', msg, { path })] };
  }
  if (!raw.startsWith('/')) {
    const msg = `Path ${shown} does not start with a slash; nginx locations are matched from the start of the URL path, e.g. /${raw}.`;
    return { diagnostics: [error('path-no-leading-slash', msg, { path, ...pathFix(`/${raw}`) })] };
  }
  const query = raw.search(/[?#]/);
  if (query >= 0) {
    const msg = `Path ${shown} contains a query or fragment; nginx locations match the path only, so leave out everything from ${raw[query]} on.`;
    return { diagnostics: [error('path-query', msg, { path, ...pathFix(raw.slice(0, query)) })] };
  }
  if (raw.includes('*')) {
    const msg = `Path ${shown} contains *; a location is a prefix already (/api covers /api/anything), so leave the wildcard out.`;
    return { diagnostics: [error('path-wildcard', msg, { path, ...pathFix(raw.replace(/\*+/g, '')) })] };
  }
  if (!PATH_CHARS.test(raw)) {
    const bad = [...new Set([...raw].filter((ch) => !/[A-Za-z0-9\-._~!&()+,=:@/]/.test(ch)))].join(' ');
    const msg = `Path ${shown} contains characters that are not allowed here (${bad}); quotes, semicolons, braces, $, % and non-ASCII text would change or break the nginx configuration. Use letters, digits and - . _ ~ / only.`;
    return { diagnostics: [error('path-unsafe-characters', msg, { path })] };
  }
  const normal = normalizeSegments(raw);
  if (normal !== raw) {
    const msg = `Path ${shown} contains //, /./ or /../; nginx normalises the URL before matching, so this location would never match. Use ${normal}.`;
    return { diagnostics: [error('path-not-normalized', msg, { path, fix: normal })] };
  }
  return checkReserved(raw, path);
}

function checkReserved(p: string, path: string): PathCheck {
  if (p === '/') return { value: p, root: true, diagnostics: [] };
  if (p === AUTHZ_LOCATION) {
    const msg = `Path ${AUTHZ_LOCATION} is the snippet's internal Authelia location; choose another path.`;
    return { diagnostics: [error('path-reserved', msg, { path })] };
  }
  if (p === ACME_LOCATION) {
    const msg = `Path ${ACME_LOCATION} is NPM's Let's Encrypt location; protecting it would give "duplicate location" and break certificate renewal.`;
    return { diagnostics: [error('path-reserved', msg, { path })] };
  }
  return { value: p, diagnostics: [] };
}

function checkModifier(modifier: string, rest: string, raw: string, path: string): PathCheck {
  const shown = describe(raw);
  if (modifier === '^~' && (rest === '/' || rest === '')) {
    const msg = `${shown} is the form "location ^~ /", which NPM's check for an Advanced-tab "location /" misses (it allows only spaces between "location" and "/"): NPM would add its own location / as well, nginx -t fails with duplicate location "/" and the host goes Offline. The builder never writes it: the whole host is protected through a plain "location /" when "protected" is on.`;
    return { root: true, diagnostics: [warning('location-caret-root', msg, { path, fix: '/' })] };
  }
  if (modifier === '^~') {
    const inner = checkPath(rest, path);
    if (inner.value === undefined) return inner;
    const msg = `Path ${shown}: the builder already writes every extra path as "location ^~ ${inner.value}" (so regex locations such as Cache Assets cannot take requests from it); enter just ${inner.value}.`;
    return { ...inner, diagnostics: [...inner.diagnostics, info('path-modifier-ignored', msg, { path, fix: inner.value })] };
  }
  const msg = `Path ${shown} uses the location modifier ${modifier}; the builder only protects plain path prefixes, so enter the path alone (exact and regex locations are not supported).`;
  return { diagnostics: [error('path-modifier', msg, { path, ...(rest.startsWith('/') ? pathFix(rest) : {}) })] };
}
