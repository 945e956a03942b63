/**
 * A pasted Advanced-tab snippet through the NPM builder's checks: the Authelia upstream and the portal URL it uses
 * (checkUpstream, checkPortalUrl in src/lib/npm/validate.ts), and what NPM does to a snippet that writes its own
 * `location /` (the Details-tab toggles it then ignores: src/lib/npm/checks.ts). Plus what nginx itself rejects or
 * answers: a location written twice (`nginx -t`: duplicate location) and an auth_request to a location the snippet
 * never defines (every check then answers 404). Each message points at its line in the paste.
 */
import type { Diagnostic } from '../../core';
import { accessListCheck, hstsCheck, websocketToggleCheck } from '../../npm/checks';
import { AUTHZ_ENDPOINT, type HostPlan } from '../../npm/render';
import { checkPortalUrl, checkUpstream } from '../../npm/validate';
import type { ConfigCheck } from '../types';

/** Authelia's endpoint before 4.38 (removed in 5.0); NPM's snippets written for it still circulate. */
const LEGACY_ENDPOINT = '/api/verify';

const LOCATION = /^\s*location\s+(?:(=|~\*?|\^~)\s+)?("[^"]{1,300}"|[^\s{]{1,300})\s*\{/;
const SET_UPSTREAM = /^\s*set\s+\$upstream_authelia\s+("?)([^\s;"]{1,500})\1\s*;/;
const PROXY_PASS = /^\s*proxy_pass\s+("?)([^\s;"]{1,500})\1\s*;/;
const AUTH_REQUEST = /^\s*auth_request\s+([^\s;]{1,300})\s*;/;
const PORTAL_REDIRECT = /^\s*(?:error_page\s+401\s+=30[12378]|return\s+30[12378])\s+("?)(https?:\/\/[^\s;"?$]{1,300})/;

const at = (line: number, diagnostic: Diagnostic): ConfigCheck => ({
  severity: diagnostic.severity,
  message: diagnostic.message,
  line,
});

/** The Authelia base URL in an upstream written with Authelia's endpoint path: `http://authelia:9091/api/authz/…`. */
function autheliaBase(url: string): string | undefined {
  const index = Math.max(url.indexOf(AUTHZ_ENDPOINT), url.indexOf('/api/authz/'), url.indexOf(LEGACY_ENDPOINT));
  return index > 0 ? url.slice(0, index) : undefined;
}

export function npmChecks(text: string): ConfigCheck[] {
  const lines = text.split(/\r\n|\r|\n/);
  const checks: ConfigCheck[] = [];
  const locations = new Map<string, number>();
  const authRequests: { target: string; line: number }[] = [];
  let rootLine: number | undefined;
  let upstreamSeen = false;
  let portalSeen = false;
  let websockets = false;
  let addsHeaders = false;

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/(^|\s)#.*$/, '');
    const location = LOCATION.exec(line);
    if (location) {
      const key = `${location[1] ?? ''} ${location[2] ?? ''}`.trim();
      const first = locations.get(key);
      if (first !== undefined) {
        checks.push({
          severity: 'error',
          message: `The snippet writes location ${key} twice (first on line ${first}): nginx -t fails with duplicate location and NPM marks the host Offline. Keep one of them.`,
          line: lineNumber,
        });
      } else locations.set(key, lineNumber);
      if (key === '/') rootLine ??= lineNumber;
    }
    const upstream = SET_UPSTREAM.exec(line)?.[2] ?? PROXY_PASS.exec(line)?.[2];
    if (upstream && !upstream.startsWith('$')) {
      const base = SET_UPSTREAM.test(line) ? (autheliaBase(upstream) ?? upstream) : autheliaBase(upstream);
      if (base !== undefined && !upstreamSeen) {
        upstreamSeen = true;
        checks.push(...checkUpstream(base).diagnostics.map((diagnostic) => at(lineNumber, diagnostic)));
      }
      if (upstream.includes(LEGACY_ENDPOINT)) {
        checks.push({
          severity: 'warning',
          message: `The snippet asks Authelia's legacy ${LEGACY_ENDPOINT} endpoint. Authelia 4.38 and newer answer nginx on ${AUTHZ_ENDPOINT}; the old endpoint redirects instead of answering 401, which auth_request cannot use.`,
          line: lineNumber,
        });
      }
    }
    const target = AUTH_REQUEST.exec(line)?.[1];
    if (target !== undefined && target !== 'off') authRequests.push({ target, line: lineNumber });
    const portal = PORTAL_REDIRECT.exec(line)?.[2];
    if (portal && !portalSeen) {
      portalSeen = true;
      const origin = /^https?:\/\/[^/]+/i.exec(portal)?.[0] ?? portal;
      checks.push(...checkPortalUrl(origin).diagnostics.map((diagnostic) => at(lineNumber, diagnostic)));
    }
    if (/^\s*proxy_set_header\s+Upgrade\s/i.test(line)) websockets = true;
    if (/^\s*add_header\s/i.test(line)) addsHeaders = true;
  });

  for (const request of authRequests) {
    if (!locations.has(request.target) && !locations.has(`= ${request.target}`)) {
      checks.push({
        severity: 'error',
        message: `auth_request sends every check to ${request.target}, but the snippet defines no location ${request.target}: nginx answers the check with 404 and logs "auth request unexpected status: 404". Paste the internal location too.`,
        line: request.line,
      });
    }
  }

  const root = rootLine;
  if (root !== undefined) {
    // The Details/SSL settings NPM writes only into its own location /, which this snippet replaces.
    const plan: HostPlan = {
      hostname: 'this host',
      role: authRequests.length > 0 ? 'protected' : 'portal',
      websockets,
      paths: [],
      securityHeaders: addsHeaders,
      hsts: false,
      hstsSubdomains: false,
      caseInsensitive: false,
    };
    const host = {
      hostname: plan.hostname,
      protected: true,
      websockets,
      paths: [],
      websocketsToggle: true,
      accessList: true,
      hsts: true,
    };
    const ignored = [
      ...websocketToggleCheck(host, plan, 'host'),
      ...accessListCheck(host, plan, 'host'),
      ...hstsCheck(host, plan, 'host'),
    ];
    checks.push(
      ...ignored.map((diagnostic) => ({ ...at(root, diagnostic), message: `If you use that setting: ${diagnostic.message}` })),
    );
  }
  return checks.slice(0, 30);
}
