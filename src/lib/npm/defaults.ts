import type { NpmHost, NpmOptions, RealIpOptions } from './types';

/** What the snippets target, in provenance headers: NPM's template and Authelia's AuthRequest endpoint. */
export const NPM_TARGET = 'Nginx Proxy Manager 2.15 + Authelia 4.39';
/** Where Authelia listens by default (its `server.address`), used when an upstream is typed without a port. */
export const AUTHELIA_DEFAULT_PORT = '9091';

/** The real-IP section as a new reader starts: nothing chosen, NPM's own defaults stay. */
export const defaultRealIp: RealIpOptions = { mode: 'unset', dockerNetwork: '', relays: [] };

/** A new host row with every toggle off. */
export function defaultNpmHost(hostname = ''): NpmHost {
  return {
    hostname,
    protected: true,
    websockets: false,
    paths: [],
    cacheAssets: false,
    websocketsToggle: false,
    accessList: false,
    customLocations: [],
    hsts: false,
    hstsSubdomains: false,
    securityHeaders: false,
    caseInsensitive: false,
  };
}

/** The default example: the portal plus two protected apps. */
export const defaultNpmOptions: NpmOptions = {
  autheliaUpstream: 'http://authelia:9091',
  portalUrl: 'https://auth.example.com',
  cookieDomain: 'example.com',
  hosts: [
    { ...defaultNpmHost('auth.example.com'), protected: false },
    { ...defaultNpmHost('nextcloud.example.com') },
    { ...defaultNpmHost('grafana.example.com'), websockets: true },
  ],
  realIp: defaultRealIp,
};
