/**
 * Starting points for the builder: the article's subnet router, a home exit node for travel, and the same subnet
 * router on a self-hosted Headscale. Data only; every preset is a complete options object.
 */
import { defaultTailscaleOptions, type TailscaleOptions } from './options';

export interface TailscalePreset {
  id: string;
  label: string;
  options: TailscaleOptions;
}

export const tailscalePresets: readonly TailscalePreset[] = [
  {
    id: 'article',
    label: "Subnet router for the guide's LAN (192.168.1.0/24)",
    options: defaultTailscaleOptions,
  },
  {
    id: 'travel',
    label: 'Exit node for travel: a laptop sends its traffic home',
    options: {
      ...defaultTailscaleOptions,
      role: 'exit-node',
      routes: '',
      clientOs: 'macos',
      useExitNode: true,
      exitNodeAllowLanAccess: true,
    },
  },
  {
    id: 'headscale',
    label: 'Headscale: the same subnet router on your own control server',
    options: {
      ...defaultTailscaleOptions,
      coordination: 'headscale',
    },
  },
];
