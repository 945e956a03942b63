/**
 * The NPM snippet builder as a `BuilderSpec`: the form state as typed, its conversion to `NpmOptions`, the generator,
 * the choice lists and the one-click fixes. The island (`src/components/npm/`) holds layout only.
 */
import type { Diagnostic } from '../core';
import { defineBuilder, type Choice } from '../builders/spec';
import { toNpmOptions } from '../profile/model';
import { NPM_TARGET } from './defaults';
import {
  NPM_TOGGLES,
  REAL_IP_MODES,
  defaultNpmForm,
  fieldOf,
  normalizeNpmForm,
  npmFormFromOptions,
  npmOptionsFromForm,
  replaceEntry,
  type NpmForm,
  type NpmHostForm,
} from './form';
import { generateNpmSnippets } from './generate';
import type { NpmOptions, RealIpMode } from './types';

/** The words a reader sees for each real-IP mode. */
export const REAL_IP_MODE_LABELS: Record<RealIpMode, string> = {
  unset: "Not set (keep NPM's defaults)",
  direct: 'Nothing: LAN and tailnet clients connect to NPM themselves',
  cloudflared: "Cloudflare Tunnel (cloudflared on NPM's Docker network)",
  cloudflare: "Cloudflare proxied DNS (orange cloud) to NPM's ports",
  relay: 'A proxy on the tailnet or LAN that forwards to NPM',
};

/** The NPM toggles and extra paths already set on a host, so a profile update does not wipe them. */
function keptFromHost(form: NpmForm, hostname: string): Partial<NpmHostForm> {
  const host = form.hosts.find((h) => h.hostname === hostname);
  if (!host) return {};
  const { paths, customLocations, caseInsensitive } = host;
  return { paths, customLocations, caseInsensitive, ...Object.fromEntries(NPM_TOGGLES.map((t) => [t, host[t]])) };
}

const TOP_FIELDS = ['portalUrl', 'autheliaUpstream', 'cookieDomain', 'realIp.dockerNetwork'] as const;
type TopField = (typeof TOP_FIELDS)[number];
const HOST_TEXT_FIELDS = ['hostname', 'paths', 'customLocations'] as const;

function setTop(state: NpmForm, field: TopField, value: string): NpmForm {
  if (field === 'realIp.dockerNetwork') return { ...state, realIp: { ...state.realIp, dockerNetwork: value } };
  return { ...state, [field]: value };
}

/** The state with the diagnostic's suggested value in the field it points at; undefined when it has none. */
function applyFix(raw: NpmForm, diagnostic: Diagnostic): NpmForm | undefined {
  const target = fieldOf(diagnostic.path);
  if (!target || diagnostic.fix === undefined) return undefined;
  const state = normalizeNpmForm(raw);
  const value = diagnostic.fix;
  const top = TOP_FIELDS.find((f) => f === target.field);
  if (top) return setTop(state, top, value);
  if (target.field === 'realIp.relays') {
    const relays = target.entry === undefined ? value : replaceEntry(state.realIp.relays, target.entry, value);
    return { ...state, realIp: { ...state.realIp, relays } };
  }
  const host = /^hosts\[(\d+)\]\.(\w+)$/.exec(target.field);
  const key = HOST_TEXT_FIELDS.find((f) => f === host?.[2]);
  const index = Number(host?.[1]);
  const current = state.hosts[index];
  if (!key || !current) return undefined;
  const next = target.entry === undefined ? value : replaceEntry(current[key], target.entry, value);
  return { ...state, hosts: state.hosts.map((h, i) => (i === index ? { ...h, [key]: next } : h)) };
}

/** The fields that change the output for this state. */
function fields(raw: NpmForm): ReadonlySet<string> {
  const state = normalizeNpmForm(raw);
  const out = new Set<string>(['portalUrl', 'autheliaUpstream', 'cookieDomain', 'realIp.mode']);
  if (state.realIp.mode !== 'unset') out.add('realIp.dockerNetwork');
  if (state.realIp.mode === 'relay') out.add('realIp.relays');
  state.hosts.forEach((host, i) => {
    const at = `hosts[${i}]`;
    for (const f of ['hostname', 'protected', 'websockets', 'paths', 'customLocations', ...NPM_TOGGLES]) out.add(`${at}.${f}`);
    if (!host.protected && host.paths.trim() !== '') out.add(`${at}.caseInsensitive`);
  });
  return out;
}

export const npmBuilder = defineBuilder<NpmForm, NpmOptions>({
  id: 'npm',
  title: 'Nginx Proxy Manager snippets',
  // Version 1 since the first release; fields added later (realIp, caseInsensitive) come from the defaults.
  schema: { version: 1, secretKeys: [] },
  target: NPM_TARGET,
  defaults: defaultNpmForm,
  fromProfile: (profile, raw) => {
    const current = normalizeNpmForm(raw);
    const next = npmFormFromOptions(toNpmOptions(profile));
    return {
      ...next,
      realIp: current.realIp,
      hosts: next.hosts.map((h) => ({ ...h, ...keptFromHost(current, h.hostname) })),
    };
  },
  toInput: (state) => npmOptionsFromForm(normalizeNpmForm(state)),
  generate: generateNpmSnippets,
  choices: {
    'realIp.mode': REAL_IP_MODES.map((value): Choice => ({ value, label: REAL_IP_MODE_LABELS[value] })),
  },
  fields,
  applyFix,
});
