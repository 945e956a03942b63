/**
 * The front-door kit as a builder spec (id `kit`: share-link parameter and storage key `builder:kit`). The state is
 * the profile and the choices; secrets and password digests never enter it (they live in the page only).
 */
import { defineBuilder, type Choice } from '../builders/spec';
import { isRecord } from '../core/guards';
import { defaultProfile, isProfileShape, type Profile } from '../profile/model';
import { generateFrontDoorKit } from './generate';
import { defaultKitChoices, KIT_DELIVERY_CHOICES, KIT_DNS_CHOICES, KIT_SECRETS_CHOICES, type KitChoices } from './types';

export interface KitState {
  profile: Profile;
  choices: KitChoices;
}

export const KIT_TARGET = 'Nginx Proxy Manager 2.15 + Authelia 4.39';

const DNS_LABELS: Record<KitChoices['dns'], string> = {
  none: 'None (I run DNS elsewhere)',
  dnsmasq: 'dnsmasq (on the host)',
  unbound: 'Unbound (on the host)',
  pihole: 'Pi-hole (in Docker)',
  adguard: 'AdGuard Home (in Docker)',
  technitium: 'Technitium DNS Server (in Docker)',
};
const SECRETS_LABELS: Record<KitChoices['secrets'], string> = {
  server: 'Made on the server by create-secrets.sh',
  inline: 'Made in this page and included in the download',
};
const DELIVERY_LABELS: Record<KitChoices['secretsDelivery'], string> = {
  env: 'In .env (${VAR})',
  'docker-secrets': 'As Docker secrets (*_FILE)',
};

export const KIT_CHOICES: Readonly<Record<'dns' | 'secrets' | 'secretsDelivery', readonly Choice[]>> = {
  dns: KIT_DNS_CHOICES.map((value) => ({ value, label: DNS_LABELS[value] })),
  secrets: KIT_SECRETS_CHOICES.map((value) => ({ value, label: SECRETS_LABELS[value] })),
  secretsDelivery: KIT_DELIVERY_CHOICES.map((value) => ({ value, label: DELIVERY_LABELS[value] })),
};

/** The choices as typed, with any field of the wrong type (a hand-made link) set to its default. */
export function completeKitChoices(value: unknown): KitChoices {
  const given = isRecord(value) ? value : {};
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  const tunnel = isRecord(given.tunnel) ? given.tunnel : {};
  return {
    redis: typeof given.redis === 'boolean' ? given.redis : defaultKitChoices.redis,
    dns: oneOf(given.dns, KIT_DNS_CHOICES, defaultKitChoices.dns),
    tunnel: {
      enabled: typeof tunnel.enabled === 'boolean' ? tunnel.enabled : defaultKitChoices.tunnel.enabled,
      service: typeof tunnel.service === 'string' ? tunnel.service : defaultKitChoices.tunnel.service,
    },
    secrets: oneOf(given.secrets, KIT_SECRETS_CHOICES, defaultKitChoices.secrets),
    secretsDelivery: oneOf(given.secretsDelivery, KIT_DELIVERY_CHOICES, defaultKitChoices.secretsDelivery),
  };
}

export const kitBuilder = defineBuilder<KitState, KitState>({
  id: 'kit',
  title: 'Front-door kit',
  // The state holds no secret: values made in the page and password digests stay outside it.
  schema: { version: 1, secretKeys: ['inlineSecrets', 'passwordHashes', 'password', 'hash'] },
  target: KIT_TARGET,
  defaults: { profile: defaultProfile, choices: defaultKitChoices },
  fromProfile: (profile, current) => ({ ...current, profile }),
  toInput: (state) => ({
    profile: isProfileShape(state.profile) ? state.profile : defaultProfile,
    choices: completeKitChoices(state.choices),
  }),
  generate: (input) => generateFrontDoorKit(input.profile, input.choices),
  choices: KIT_CHOICES,
});
