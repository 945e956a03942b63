/**
 * The kit's input check: the profile's own full check (src/lib/profile/validate.ts), the choices, and what only the
 * kit cares about (an upstream NPM could never reach from its container, the public service). Errors carry the
 * field's path (`domain`, `services[1].upstream`, `choices.tunnel.service`); any error means no files at all.
 */
import { error, warning, type Diagnostic } from '../core';
import { isRecord } from '../core/guards';
import type { Profile } from '../profile/model';
import { validateProfile } from '../profile/validate';
import { KIT_DELIVERY_CHOICES, KIT_DNS_CHOICES, KIT_SECRETS_CHOICES, type KitChoices } from './types';

/** Upstream hosts that mean "this container" inside NPM's container, never the app. */
export const LOOPBACK_HOSTS = /^(localhost|localhost\.localdomain|ip6-localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1?)$/i;

export function upstreamHost(upstream: string): string {
  return upstream.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

function checkChoices(value: unknown, profile: Profile | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isRecord(value)) return [error('kit-choices', 'The kit choices are not a set of fields.', { path: 'choices' })];
  const choices = value as Partial<KitChoices>;
  if (typeof choices.redis !== 'boolean')
    out.push(error('kit-choice-redis', 'Choose whether Redis keeps the sessions (on or off).', { path: 'choices.redis' }));
  if (!KIT_DNS_CHOICES.includes(choices.dns as KitChoices['dns']))
    out.push(
      error('kit-choice-dns', `Choose the internal DNS server: one of ${KIT_DNS_CHOICES.join(', ')}.`, { path: 'choices.dns' }),
    );
  if (!KIT_SECRETS_CHOICES.includes(choices.secrets as KitChoices['secrets']))
    out.push(
      error('kit-choice-secrets', 'Choose where the secrets are made: on the server, or in this page.', {
        path: 'choices.secrets',
      }),
    );
  if (!KIT_DELIVERY_CHOICES.includes(choices.secretsDelivery as KitChoices['secretsDelivery']))
    out.push(
      error('kit-choice-delivery', 'Choose how the containers read the secrets: .env or Docker secrets.', {
        path: 'choices.secretsDelivery',
      }),
    );
  const tunnel = choices.tunnel;
  if (!isRecord(tunnel) || typeof tunnel.enabled !== 'boolean' || typeof tunnel.service !== 'string') {
    out.push(error('kit-choice-tunnel', 'The tunnel choice needs on/off and a service name.', { path: 'choices.tunnel' }));
  } else if (tunnel.enabled && profile) {
    const service = profile.services.find((s) => s.name === tunnel.service);
    if (!service) {
      out.push(
        error(
          'kit-tunnel-service',
          tunnel.service
            ? `No service of the profile is named ${tunnel.service}; pick the one service cloudflared publishes.`
            : 'Pick the one service cloudflared publishes.',
          { path: 'choices.tunnel.service' },
        ),
      );
    } else if (service.sensitive) {
      out.push(
        error(
          'kit-tunnel-sensitive',
          `${service.name} is marked sensitive: a tunnelled service is public and skips Authelia, so publish a service that is meant for everyone (or unmark it).`,
          { path: 'choices.tunnel.service' },
        ),
      );
    }
  }
  return out;
}

/** Every problem with the profile and the choices; the kit is written only when none is an error. */
export function validateKitInput(profile: unknown, choices: unknown): Diagnostic[] {
  const { valid, diagnostics } = validateProfile(profile);
  const out = [...diagnostics];
  const shaped = valid ? (profile as Profile) : undefined;
  out.push(...checkChoices(choices, shaped));
  if (!shaped) return out;
  shaped.services.forEach((service, i) => {
    const host = upstreamHost(service.upstream);
    if (LOOPBACK_HOSTS.test(host)) {
      out.push(
        error(
          'kit-upstream-loopback',
          `Service ${i + 1}: ${host} inside Nginx Proxy Manager's container is NPM itself, so this host would answer 502. Use the server's LAN address (${shaped.serverIp}:${service.upstream.split(':').pop()}) or the app's container name on the kit network.`,
          { path: `services[${i}].upstream`, fix: `${shaped.serverIp}:${service.upstream.split(':').pop()}` },
        ),
      );
    }
  });
  // Headscale's own name must keep its public answer: a service with the same name would take it over.
  const headscaleHost =
    shaped.coordination === 'headscale' && URL.canParse(shaped.headscaleUrl) ? new URL(shaped.headscaleUrl).hostname : '';
  shaped.services.forEach((service, i) => {
    if (headscaleHost && `${service.subdomain}.${shaped.domain}` === headscaleHost)
      out.push(
        error(
          'kit-service-is-headscale',
          `Service ${i + 1}: ${headscaleHost} is your Headscale server's address; as a proxy host behind Authelia, devices outside the LAN could no longer reach it. Pick another subdomain.`,
          { path: `services[${i}].subdomain` },
        ),
      );
  });
  if (shaped.users.length === 0)
    out.push(warning('kit-no-users', 'No users yet: add one, or nobody can log in at the portal.', { path: 'users' }));
  return out;
}
