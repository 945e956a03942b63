export const SITE = {
  /** Kept equal to package.json's version (a unit test checks). */
  version: '0.1.0',
  name: 'Homelab Front Door',
  tagline: 'Four layers that keep a home server off the scanners’ list',
  description:
    'A practical, layered security build for your homelab: no open ports with Tailscale, HTTPS through Nginx Proxy Manager, one login with Authelia, and a boring, patched host.',
} as const;
