import type { NpmHost, NpmOptions } from './types';

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
};
