/**
 * The internal-DNS builder's spec: state, defaults, the profile's part, the server choice with its labels, field
 * texts and the generator. The island (src/components/dns/InternalDnsBuilder.tsx) lays these out and nothing more.
 */
import { defineBuilder } from '../builders/spec';
import { toInternalDnsOptions } from '../profile/model';
import { TARGETS } from './facts';
import { generateInternalDns } from './generate';
import { defaultInternalDnsOptions, DNS_SERVERS, type DnsServer, type InternalDnsOptions } from './options';

const SERVER_LABELS: Record<DnsServer, string> = {
  dnsmasq: 'dnsmasq',
  unbound: 'Unbound',
  pihole: 'Pi-hole',
  adguard: 'AdGuard Home',
  technitium: 'Technitium DNS Server',
};

export type DnsTextField = Exclude<keyof InternalDnsOptions, 'server'>;

/** Label and hint of each text field. */
export const DNS_TEXT_FIELDS: Record<DnsTextField, { label: string; hint: string; multiline?: boolean }> = {
  domain: { label: 'Your domain', hint: 'A domain you own, e.g. example.com' },
  zone: { label: 'Internal zone', hint: 'A label such as home gives home.example.com; empty uses the whole domain' },
  serverIp: { label: 'Proxy address on the LAN', hint: 'Where Nginx Proxy Manager listens, e.g. 192.168.1.10' },
  tailnetIp: {
    label: 'Proxy address in the tailnet (optional)',
    hint: 'Its 100.x.y.z address, the split DNS nameserver; empty uses the LAN address through the subnet route',
  },
  internalNames: {
    label: 'Internal names',
    hint: 'Labels such as jellyfin or full names under the zone, one per line or separated by commas; empty writes one wildcard for the whole zone',
    multiline: true,
  },
  publicNames: {
    label: 'Public names to keep public',
    hint: 'Full names under your domain that must keep their public answer, e.g. blog.example.com',
    multiline: true,
  },
  upstreams: {
    label: 'Upstream resolvers',
    hint: 'IP addresses, e.g. 9.9.9.9, 149.112.112.112; empty keeps the server’s own upstream setting',
    multiline: true,
  },
};

/** The options the generator sees: the state as typed, with any field of the wrong type (a hand-made link) defaulted. */
export function completeInternalDnsOptions(state: InternalDnsOptions): InternalDnsOptions {
  const options = { ...defaultInternalDnsOptions };
  for (const key of Object.keys(options) as (keyof InternalDnsOptions)[]) {
    const value = state[key];
    if (typeof value === 'string') (options as Record<string, string>)[key] = value;
  }
  if (!DNS_SERVERS.includes(options.server)) options.server = defaultInternalDnsOptions.server;
  return options;
}

export const internalDnsBuilder = defineBuilder<InternalDnsOptions, InternalDnsOptions>({
  id: 'internal-dns',
  title: 'Internal DNS builder',
  schema: { version: 1, secretKeys: [] },
  target: (options) => TARGETS[options.server],
  defaults: defaultInternalDnsOptions,
  fromProfile: (profile, current) => ({ ...current, ...toInternalDnsOptions(profile) }),
  toInput: completeInternalDnsOptions,
  generate: generateInternalDns,
  choices: { server: DNS_SERVERS.map((value) => ({ value, label: SERVER_LABELS[value] })) },
});
