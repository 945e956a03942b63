/**
 * The Tailscale builder's spec: state, defaults, the profile's part, choices with their labels, which fields apply,
 * and the generator. The island (src/components/tailscale/TailscaleBuilder.tsx) lays these out and nothing more.
 */
import { defineBuilder, type Choice } from '../builders/spec';
import { toTailscaleOptions } from '../profile/model';
import { TAILSCALE_TARGET } from './facts';
import { completeTailscaleOptions, generateTailscale } from './generate';
import { defaultTailscaleOptions, TAILSCALE_CHOICES, type TailscaleOptions } from './options';
import { applicableFields } from './plan';

type ChoiceKey = keyof typeof TAILSCALE_CHOICES;

// The words a reader sees for each value the library accepts.
const LABELS: { [K in ChoiceKey]: Record<(typeof TAILSCALE_CHOICES)[K][number], string> } = {
  role: {
    'subnet-router': 'Subnet router: reach my LAN',
    'exit-node': 'Exit node: send internet traffic home',
    both: 'Subnet router and exit node',
    client: 'Client only: use routes or an exit node',
  },
  os: { linux: 'Linux', macos: 'macOS', windows: 'Windows' },
  platform: {
    host: 'Installed on the machine or VM',
    docker: 'Docker container (official image)',
    lxc: 'Proxmox LXC container',
  },
  coordination: { tailscale: 'Tailscale (login.tailscale.com)', headscale: 'Headscale (self-hosted)' },
  firewall: { none: 'None, or managed by hand', firewalld: 'firewalld', ufw: 'ufw' },
  approval: { console: 'By hand, once', autoApprovers: 'Automatically (autoApprovers)' },
  clientOs: { linux: 'Linux', macos: 'macOS', windows: 'Windows', ios: 'iOS', android: 'Android' },
};

function choiceList<K extends ChoiceKey>(key: K): Choice[] {
  const labels = LABELS[key] as Record<string, string>;
  return TAILSCALE_CHOICES[key].map((value) => ({ value, label: labels[value] ?? value }));
}

export type TailscaleTextField = 'routes' | 'hostname' | 'tags' | 'loginServer' | 'headscaleUser' | 'exitNode';

/** Label and hint of each text field. */
export const TAILSCALE_TEXT_FIELDS: Record<TailscaleTextField, { label: string; hint: string; placeholder?: string }> = {
  routes: {
    label: 'Routes to advertise (--advertise-routes)',
    hint: 'Your LAN in CIDR form; several separated by commas, no spaces, e.g. 192.168.1.0/24,10.20.0.0/24',
  },
  hostname: { label: 'Router name (--hostname)', hint: 'Its name in the tailnet; empty keeps the OS hostname' },
  tags: { label: 'Tags (--advertise-tags)', hint: 'Optional, comma-separated, e.g. tag:router; needed for autoApprovers' },
  loginServer: {
    label: 'Headscale server URL (--login-server)',
    hint: 'The address your clients log in to, with https://',
    placeholder: 'https://headscale.example.com',
  },
  headscaleUser: { label: 'Headscale user', hint: 'Owns the tags in the Headscale policy' },
  exitNode: {
    label: 'Exit node the clients use (--exit-node)',
    hint: "Machine name or Tailscale IP; empty uses the router's name",
  },
};

export const tailscaleBuilder = defineBuilder<TailscaleOptions, TailscaleOptions>({
  id: 'tailscale',
  title: 'Tailscale builder',
  schema: { version: 1, secretKeys: [] },
  target: TAILSCALE_TARGET,
  defaults: defaultTailscaleOptions,
  fromProfile: (profile, current) => ({ ...current, ...toTailscaleOptions(profile) }),
  // The state keeps every field exactly as typed; a hand-made link with odd values still renders and generates.
  toInput: completeTailscaleOptions,
  generate: generateTailscale,
  choices: Object.fromEntries((Object.keys(TAILSCALE_CHOICES) as ChoiceKey[]).map((key) => [key, choiceList(key)])),
  fields: (state) => applicableFields(completeTailscaleOptions(state)),
});
