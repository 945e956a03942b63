/**
 * The other layers' builder output, from the profile as each builder derives it: dns/ (internal DNS builder),
 * tailscale/ (Tailscale builder: router and client commands, policy fragment), ssh/00-homelab.conf (SSH builder).
 */
import type { Diagnostic, GeneratedFile } from '../core';
import { generateInternalDns } from '../dns/generate';
import { defaultInternalDnsOptions } from '../dns/options';
import { toInternalDnsOptions, toTailscaleOptions, type Profile } from '../profile/model';
import { generateSshd } from '../ssh/generate';
import { defaultSshdOptions } from '../ssh/options';
import { toSshOptions } from '../ssh/profile';
import { generateTailscale } from '../tailscale/generate';
import { hostOf } from '../profile/model';
import { DNS_DIR, KIT_FILES, SSH_DIR, TAILSCALE_DIR, type KitChoices } from './types';

interface Part {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
}

const under = (dir: string, part: { files: GeneratedFile[]; diagnostics: Diagnostic[] }, prefix: string): Part => ({
  files: part.files.map((f) => ({ ...f, name: `${dir}${f.name}` })),
  diagnostics: part.diagnostics.map((d) => ({ ...d, ...(d.path ? { path: `${prefix}.${d.path}` } : {}) })),
});

export function renderDns(profile: Profile, choices: KitChoices): Part {
  if (choices.dns === 'none') return { files: [], diagnostics: [] };
  const derived = toInternalDnsOptions(profile);
  // The tunnelled service answers from Cloudflare for everyone: it keeps its public record.
  const tunnelled = choices.tunnel.enabled ? profile.services.find((s) => s.name === choices.tunnel.service) : undefined;
  const publicNames = [derived.publicNames, tunnelled ? hostOf(profile, tunnelled) : ''].filter(Boolean).join('\n');
  const internal = tunnelled
    ? derived.internalNames
        ?.split('\n')
        .filter((name) => name !== tunnelled.subdomain)
        .join('\n')
    : derived.internalNames;
  const result = generateInternalDns({
    ...defaultInternalDnsOptions,
    ...derived,
    ...(internal !== undefined ? { internalNames: internal } : {}),
    publicNames,
    server: choices.dns,
  });
  return under(DNS_DIR, result, 'dns');
}

/** The Tailscale builder's fields the profile fills, by the profile field they come from. */
const TAILSCALE_FIELDS: Record<string, string> = { routes: 'lanCidrs', loginServer: 'headscaleUrl' };

export function renderTailscale(profile: Profile): Part {
  const part = under(TAILSCALE_DIR, generateTailscale(toTailscaleOptions(profile)), 'tailscale');
  // A message about a field the profile fills points at that profile field.
  const diagnostics = part.diagnostics.map((d) => {
    const field = d.path?.startsWith('tailscale.') ? TAILSCALE_FIELDS[d.path.slice('tailscale.'.length)] : undefined;
    return field ? { ...d, path: field } : d;
  });
  return { ...part, diagnostics };
}

export function renderSsh(profile: Profile): Part {
  const result = generateSshd({ ...defaultSshdOptions, ...toSshOptions(profile) });
  const part = under(SSH_DIR, result, 'ssh');
  // Debian 12's sshd reads /etc/ssh/sshd_config.d/*.conf, so the builder names its drop-in 00-homelab.conf.
  return {
    ...part,
    files: part.files.map((f) => (f.name === `${SSH_DIR}00-homelab.conf` ? { ...f, name: KIT_FILES.sshDropIn } : f)),
  };
}
