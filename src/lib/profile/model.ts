/**
 * The homelab profile's shape, defaults and derivations: the reader's setup typed once (domain, LAN, services, users)
 * turned into the input of every builder. Pure. Every builder loads this module; the full check of a profile lives in
 * ./validate.ts and loads with the profile editor.
 */
import type { AccessControlForm } from '../authelia/form';
import { emptyRule } from '../authelia/form';
import type { AutheliaConfigOptions, UserInput } from '../authelia';
import { isUnder, normalizeName } from '../dns/names';
import type { InternalDnsOptions } from '../dns/options';
// Direct module imports, not the tool barrels: a barrel would pull the other tools' generators into every builder.
import { defaultNpmHost } from '../npm/defaults';
import type { NpmOptions } from '../npm/types';
import type { TailscaleOptions } from '../tailscale/options';

export const PROFILE_VERSION = 1;

export interface ProfileService {
  /** Short name, e.g. `jellyfin`. */
  name: string;
  /** The DNS label under the base domain, e.g. `jellyfin` → jellyfin.example.com. */
  subdomain: string;
  /** Where NPM forwards to, `host:port`, e.g. `192.168.1.10:8096`. */
  upstream: string;
  /** Sensitive services get a second factor. */
  sensitive: boolean;
  websockets: boolean;
}

export interface ProfileUser {
  username: string;
  displayname: string;
  email: string;
  groups: string[];
}

export interface Profile {
  version: typeof PROFILE_VERSION;
  /** Base domain you own, e.g. `example.com`. */
  domain: string;
  /** LAN ranges to reach through Tailscale, e.g. `['192.168.1.0/24']`. */
  lanCidrs: string[];
  /** The server's LAN address, e.g. `192.168.1.10`. */
  serverIp: string;
  coordination: 'tailscale' | 'headscale';
  /** Headscale's URL when `coordination` is `headscale`. */
  headscaleUrl: string;
  services: ProfileService[];
  users: ProfileUser[];
}

export const defaultProfile: Profile = {
  version: PROFILE_VERSION,
  domain: 'example.com',
  lanCidrs: ['192.168.1.0/24'],
  serverIp: '192.168.1.10',
  coordination: 'tailscale',
  headscaleUrl: 'https://headscale.example.com',
  services: [
    { name: 'proxmox', subdomain: 'proxmox', upstream: '192.168.1.10:8006', sensitive: true, websockets: true },
    { name: 'jellyfin', subdomain: 'jellyfin', upstream: '192.168.1.10:8096', sensitive: false, websockets: true },
  ],
  users: [{ username: 'ana', displayname: 'Ana', email: 'ana@example.com', groups: ['admins'] }],
};

export const PORTAL_SUBDOMAIN = 'auth';

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The profile's shape: right types in every field, so deriving builder input from it cannot go wrong. Used for a
 * profile read back from this browser's storage (saved only after `validateProfile` passed) or from a link; every
 * builder checks what it derives as it checks typed input, and the editor shows the full check.
 */
export function isProfileShape(value: unknown): value is Profile {
  if (!isRecord(value) || value.version !== PROFILE_VERSION) return false;
  const { domain, lanCidrs, serverIp, coordination, headscaleUrl, services, users } = value;
  return (
    isString(domain) &&
    Array.isArray(lanCidrs) &&
    lanCidrs.every(isString) &&
    isString(serverIp) &&
    (coordination === 'tailscale' || coordination === 'headscale') &&
    isString(headscaleUrl) &&
    Array.isArray(services) &&
    services.every(
      (s) =>
        isRecord(s) &&
        isString(s.name) &&
        isString(s.subdomain) &&
        isString(s.upstream) &&
        typeof s.sensitive === 'boolean' &&
        typeof s.websockets === 'boolean',
    ) &&
    Array.isArray(users) &&
    users.every(
      (u) =>
        isRecord(u) &&
        isString(u.username) &&
        isString(u.displayname) &&
        isString(u.email) &&
        Array.isArray(u.groups) &&
        u.groups.every(isString),
    )
  );
}

export const hostOf = (profile: Profile, service: ProfileService) => `${service.subdomain}.${profile.domain}`;
export const portalUrl = (profile: Profile) => `https://${PORTAL_SUBDOMAIN}.${profile.domain}`;

/** Access rules: 2FA for sensitive services, one login for the rest, deny for anything else. */
export function toAccessControlForm(profile: Profile): AccessControlForm {
  const sensitive = profile.services.filter((s) => s.sensitive).map((s) => hostOf(profile, s));
  const normal = profile.services.filter((s) => !s.sensitive).map((s) => hostOf(profile, s));
  const rules = [
    ...(sensitive.length ? [{ ...emptyRule, domain: sensitive.join('\n'), policy: 'two_factor' }] : []),
    ...(normal.length ? [{ ...emptyRule, domain: normal.join('\n'), policy: 'one_factor' }] : []),
  ];
  // With no services yet, protect the whole domain rather than leave the list empty.
  return {
    defaultPolicy: 'deny',
    rules: rules.length ? rules : [{ ...emptyRule, domain: `*.${profile.domain}`, policy: 'two_factor' }],
  };
}

export function toUsers(profile: Profile): UserInput[] {
  return profile.users.map((u) => ({
    username: u.username,
    displayname: u.displayname || u.username,
    email: u.email,
    groups: [...u.groups],
  }));
}

/** The Authelia setup builder's options (secrets and hashes stay the builder's own). */
export function toAutheliaOptions(
  profile: Profile,
): Pick<AutheliaConfigOptions, 'domain' | 'autheliaUrl' | 'defaultRedirectionUrl' | 'totpIssuer'> {
  const landing = profile.services.find((s) => !s.sensitive) ?? profile.services[0];
  return {
    domain: profile.domain,
    autheliaUrl: portalUrl(profile),
    defaultRedirectionUrl: landing ? `https://${hostOf(profile, landing)}` : `https://home.${profile.domain}`,
    totpIssuer: profile.domain,
  };
}

export function toTailscaleOptions(profile: Profile): Pick<TailscaleOptions, 'routes' | 'coordination' | 'loginServer'> {
  return { routes: profile.lanCidrs.join(','), coordination: profile.coordination, loginServer: profile.headscaleUrl };
}

export function toNpmOptions(profile: Profile): NpmOptions {
  return {
    autheliaUpstream: 'http://authelia:9091',
    portalUrl: portalUrl(profile),
    cookieDomain: profile.domain,
    hosts: [
      { ...defaultNpmHost(`${PORTAL_SUBDOMAIN}.${profile.domain}`), protected: false },
      ...profile.services.map((s) => ({ ...defaultNpmHost(hostOf(profile, s)), websockets: s.websockets })),
    ],
  };
}

/** The host of Headscale's URL when the profile uses Headscale and that host lies under the domain; else undefined. */
function publicHeadscaleHost(profile: Profile): string | undefined {
  if (profile.coordination !== 'headscale') return undefined;
  let host: string;
  try {
    host = normalizeName(new URL(profile.headscaleUrl).hostname);
  } catch {
    return undefined;
  }
  const domain = normalizeName(profile.domain);
  return domain && isUnder(host, domain) ? host : undefined;
}

/**
 * The internal-DNS builder's options. The profile's hosts are `<subdomain>.<domain>` (as NPM and Authelia get them),
 * so with services the zone is the whole domain and the names are exactly the portal and each service; without
 * services the builder keeps its own zone and names. A Headscale server under the domain must keep its public answer.
 */
export function toInternalDnsOptions(
  profile: Profile,
): Pick<InternalDnsOptions, 'domain' | 'serverIp' | 'publicNames'> & Partial<Pick<InternalDnsOptions, 'zone' | 'internalNames'>> {
  const headscale = publicHeadscaleHost(profile);
  const names = profile.services.length ? [PORTAL_SUBDOMAIN, ...profile.services.map((s) => s.subdomain)] : [];
  return {
    domain: profile.domain,
    serverIp: profile.serverIp,
    publicNames: headscale ?? '',
    ...(names.length ? { zone: '', internalNames: [...new Set(names)].join('\n') } : {}),
  };
}
