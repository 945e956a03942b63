import { error, info, warning, type Diagnostic } from '../core';
import type { HostPlan } from './render';
import type { NpmHost } from './types';

/** Where the snippet replaces NPM's own `location /`. */
function ownsRoot(plan: HostPlan): boolean {
  return plan.role === 'portal' || plan.role === 'protected';
}

/** Whether the snippet writes any location of its own. */
function hasLocations(plan: HostPlan): boolean {
  return ownsRoot(plan) || plan.role === 'paths';
}

function where(plan: HostPlan): string {
  return ownsRoot(plan) ? 'location /' : `the protected paths (${plan.paths.join(', ')})`;
}

export function cacheAssetsCheck(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  if (!host.cacheAssets) return [];
  const path = `${at}.cacheAssets`;
  if (plan.role === 'protected') {
    const msg = `"Cache Assets" is on for ${plan.hostname}. The snippet checks those files with Authelia too, but NPM's cache keeps one copy per URL, ignoring cookies and Set-Cookie: a per-user file (an avatar, a private thumbnail, a generated .js) fetched by one user is then served to every other logged-in user. Turn Cache Assets off if the app serves per-user files.`;
    return [warning('cache-assets-shared', msg, { path })];
  }
  if (plan.role === 'portal') return [];
  const msg = `"Cache Assets" is on for ${plan.hostname}: NPM's cache keeps one copy per URL, ignoring cookies and Set-Cookie, so a per-user .css/.js/image file fetched by a logged-in user is served to anyone who asks for the same URL, without logging in. Turn Cache Assets off if the app serves per-user files.`;
  return [warning('cache-assets-shared', msg, { path })];
}

/** Whether prefix location `location` takes requests that `^~ path` would take (nginx prefers the longer prefix). */
function under(location: string, path: string): boolean {
  return location.startsWith(path);
}

function customLocationCheck(loc: string, plan: HostPlan, path: string): Diagnostic | undefined {
  const p = loc.trim();
  if (p === '/' && ownsRoot(plan)) {
    const msg = `The Custom Location "/" on ${plan.hostname} collides with the Advanced text's own location /: nginx -t fails with duplicate location "/" and NPM marks the host Offline. Delete that Custom Location.`;
    return error('custom-location-root', msg, { path });
  }
  if (plan.paths.includes(p)) {
    const msg = `The Custom Location "${p}" on ${plan.hostname} is also a protected path in the Advanced text: nginx -t fails with duplicate location and NPM marks the host Offline. Delete that Custom Location.`;
    return error('custom-location-duplicate', msg, { path });
  }
  if (plan.role === 'protected') {
    const msg = `The Custom Location "${p}" on ${plan.hostname} is checked by Authelia (the snippet asks Authelia for every location of the host), but its app gets no Remote-User / Remote-Groups headers: NPM writes that location itself. If the app there needs to know who is logged in, remove the Custom Location and list the path in the builder instead.`;
    return info('custom-location-no-identity', msg, { path });
  }
  const covering = plan.role === 'paths' ? plan.paths.find((protectedPath) => under(p, protectedPath)) : undefined;
  if (covering !== undefined) {
    const msg = `The Custom Location "${p}" on ${plan.hostname} lies under the protected path ${covering}, and the longer location wins: NPM renders it without Authelia, so that path bypasses the login. Delete it in the Custom Locations tab, or protect the whole host.`;
    return warning('custom-location-bypass', msg, { path });
  }
  return undefined;
}

export function customLocationChecks(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  return (host.customLocations ?? []).flatMap(
    (loc, j) => customLocationCheck(String(loc), plan, `${at}.customLocations[${j}]`) ?? [],
  );
}

export function websocketToggleCheck(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  if (!host.websocketsToggle || !hasLocations(plan)) return [];
  const path = `${at}.websocketsToggle`;
  if (plan.websockets) {
    const msg = `The Details tab's "Websockets Support" toggle on ${plan.hostname} has no effect in ${where(plan)}; the snippet carries the WebSocket headers itself, so the toggle can stay as it is.`;
    return [info('websocket-toggle-ignored', msg, { path })];
  }
  const msg = `The Details tab's "Websockets Support" toggle on ${plan.hostname} is ignored in ${where(plan)}: nginx does not inherit server-level proxy_set_header lines into a location that sets its own, so WebSocket upgrades fail there. Tick "websockets" for this host in the builder instead.`;
  return [warning('websocket-toggle-ignored', msg, { path })];
}

export function accessListCheck(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  if (!host.accessList || !hasLocations(plan)) return [];
  const msg = `The Access List on ${plan.hostname} is not applied to ${where(plan)}: NPM only puts it into its own location /, which ${ownsRoot(plan) ? 'it drops once the Advanced text has a location /' : 'does not cover these paths'}. Use Authelia's access_control rules (subject, networks) instead and set the Access List to "Publicly Accessible".`;
  return [warning('access-list-ignored', msg, { path: `${at}.accessList` })];
}

export function hstsCheck(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  if (!plan.securityHeaders || !hasLocations(plan)) return [];
  if (host.hsts) {
    const msg = `HSTS from the SSL tab would be lost on ${plan.hostname}: nginx drops server-level add_header lines (NPM's Strict-Transport-Security) in a location that adds its own headers. The snippet repeats HSTS itself, so regenerate it whenever you change HSTS in the SSL tab.`;
    return [warning('hsts-lost-with-headers', msg, { path: `${at}.securityHeaders` })];
  }
  const msg = `If you turn on HSTS in the SSL tab for ${plan.hostname} later, tick HSTS here too and paste the snippet again: its own response headers stop NPM's HSTS header from reaching ${where(plan)}.`;
  return [info('hsts-not-inherited', msg, { path: `${at}.hsts` })];
}

export function cookieDomainCheck(plan: HostPlan, cookieDomain: string | undefined, inside: boolean, at: string): Diagnostic[] {
  if (!cookieDomain || inside || !hasLocations(plan) || plan.role === 'portal') return [];
  const msg = `${plan.hostname} is outside the cookie domain ${cookieDomain}: Authelia answers requests for it with 400 ("Target URL does not appear to have a relevant session cookies configuration") and visitors get 500. Add a session.cookies entry for its domain in Authelia, or use a name under ${cookieDomain}.`;
  return [warning('host-outside-cookie-domain', msg, { path: `${at}.hostname` })];
}

export function caseCheck(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  if (plan.role !== 'paths' || host.caseInsensitive === true) return [];
  const msg = `nginx matches the protected paths of ${plan.hostname} letter for letter: if the app answers /ADMIN like /admin, that spelling reaches it without a login. Tick "the app ignores letter case" to refuse other spellings of the protected paths.`;
  return [info('paths-case-sensitive', msg, { path: `${at}.caseInsensitive` })];
}

export function unprotectedCheck(plan: HostPlan, at: string): Diagnostic[] {
  if (plan.role !== 'plain') return [];
  const msg = `${plan.hostname} is not protected by Authelia: anyone who can reach it gets the app's own login (or none). Turn on "protected", or list the paths to protect.`;
  return [info('host-unprotected', msg, { path: `${at}.protected` })];
}

/** Every Details/SSL/Custom Locations warning for one host. */
export function hostChecks(host: NpmHost, plan: HostPlan, at: string): Diagnostic[] {
  return [
    ...cacheAssetsCheck(host, plan, at),
    ...customLocationChecks(host, plan, at),
    ...websocketToggleCheck(host, plan, at),
    ...accessListCheck(host, plan, at),
    ...hstsCheck(host, plan, at),
    ...caseCheck(host, plan, at),
    ...unprotectedCheck(plan, at),
  ];
}
