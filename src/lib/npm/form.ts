/**
 * The NPM builder's form: the text a person types (paths and Custom Locations as one entry per line),
 * turned into `NpmOptions`. Kept here (pure) so the island holds no rule logic. The form keeps the raw
 * text exactly as typed; only the conversion reads it.
 */
import type { Diagnostic } from '../core';
import { defaultNpmHost, defaultNpmOptions, defaultRealIp } from './defaults';
import type { NpmHost, NpmOptions, RealIpMode, RealIpOptions } from './types';

export interface NpmHostForm {
  hostname: string;
  protected: boolean;
  websockets: boolean;
  /** Extra protected paths, one per line. */
  paths: string;
  cacheAssets: boolean;
  websocketsToggle: boolean;
  accessList: boolean;
  /** Custom Locations tab paths, one per line. */
  customLocations: string;
  hsts: boolean;
  hstsSubdomains: boolean;
  securityHeaders: boolean;
  /** The app ignores letter case in paths. */
  caseInsensitive: boolean;
}

/** The real-client-IP section as typed (relays one per line). */
export interface RealIpForm {
  mode: RealIpMode;
  dockerNetwork: string;
  relays: string;
}

export interface NpmForm {
  portalUrl: string;
  autheliaUpstream: string;
  cookieDomain: string;
  hosts: NpmHostForm[];
  /** Missing in links and stored state made before the section existed: the default (`unset`). */
  realIp: RealIpForm;
}

/** The real-IP modes in display order. */
export const REAL_IP_MODES: readonly RealIpMode[] = ['unset', 'direct', 'cloudflared', 'cloudflare', 'relay'];

/** The NPM toggles a host row offers, in display order. */
export const NPM_TOGGLES = [
  'cacheAssets',
  'websocketsToggle',
  'accessList',
  'hsts',
  'hstsSubdomains',
  'securityHeaders',
] as const;
export type NpmToggle = (typeof NPM_TOGGLES)[number];

function hostForm(host: NpmHost): NpmHostForm {
  return {
    hostname: host.hostname,
    protected: host.protected,
    websockets: host.websockets,
    paths: host.paths.join('\n'),
    cacheAssets: host.cacheAssets === true,
    websocketsToggle: host.websocketsToggle === true,
    accessList: host.accessList === true,
    customLocations: (host.customLocations ?? []).join('\n'),
    hsts: host.hsts === true,
    hstsSubdomains: host.hstsSubdomains === true,
    securityHeaders: host.securityHeaders === true,
    caseInsensitive: host.caseInsensitive === true,
  };
}

function realIpForm(realIp: RealIpOptions | undefined): RealIpForm {
  const r = realIp ?? defaultRealIp;
  return { mode: r.mode, dockerNetwork: r.dockerNetwork ?? '', relays: (r.relays ?? []).join('\n') };
}

/** A new host row: protected, every NPM toggle off. */
export function emptyNpmHostForm(): NpmHostForm {
  return hostForm(defaultNpmHost());
}

/** Options as a form (e.g. derived from the homelab profile). */
export function npmFormFromOptions(options: NpmOptions): NpmForm {
  return {
    portalUrl: options.portalUrl,
    autheliaUpstream: options.autheliaUpstream,
    cookieDomain: options.cookieDomain ?? '',
    hosts: options.hosts.map(hostForm),
    realIp: realIpForm(options.realIp),
  };
}

/** The default example as a form: the portal plus two protected apps (`defaultNpmOptions`). */
export const defaultNpmForm: NpmForm = {
  portalUrl: defaultNpmOptions.portalUrl,
  autheliaUpstream: defaultNpmOptions.autheliaUpstream,
  cookieDomain: defaultNpmOptions.cookieDomain ?? '',
  hosts: defaultNpmOptions.hosts.map(hostForm),
  realIp: realIpForm(defaultNpmOptions.realIp),
};

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Coerces loosely typed state (a hand-made share link, an old stored copy) into a complete form. Never throws. */
export function normalizeNpmForm(raw: unknown): NpmForm {
  const f = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const hosts = Array.isArray(f.hosts) ? f.hosts : [];
  const r = (f.realIp && typeof f.realIp === 'object' ? f.realIp : {}) as Record<string, unknown>;
  const mode = REAL_IP_MODES.find((m) => m === r.mode) ?? defaultRealIp.mode;
  return {
    portalUrl: str(f.portalUrl),
    autheliaUpstream: str(f.autheliaUpstream),
    cookieDomain: str(f.cookieDomain),
    hosts: hosts.map((h: unknown) => {
      const o = (h && typeof h === 'object' ? h : {}) as Record<string, unknown>;
      const base = emptyNpmHostForm();
      return {
        hostname: str(o.hostname),
        protected: typeof o.protected === 'boolean' ? o.protected : base.protected,
        websockets: o.websockets === true,
        paths: str(o.paths),
        customLocations: str(o.customLocations),
        caseInsensitive: o.caseInsensitive === true,
        ...Object.fromEntries(NPM_TOGGLES.map((k) => [k, o[k] === true])),
      } as NpmHostForm;
    }),
    realIp: { mode, dockerNetwork: str(r.dockerNetwork), relays: str(r.relays) },
  };
}

/** The 1-based line numbers of the non-blank lines of a text, in order: entry j of `textLines` is on line `result[j]`. */
export function entryLines(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.replace(/\r$/, '').trim() !== '') out.push(i + 1);
  });
  return out;
}

/** One entry per non-blank line, exactly as typed (surrounding spaces kept, so the generator can point them out). */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
}

/** Replaces entry j (the j-th non-blank line) of a text, e.g. to apply a diagnostic's fix. */
export function replaceEntry(text: string, entry: number, value: string): string {
  const line = entryLines(text)[entry];
  if (line === undefined) return text;
  const lines = text.split('\n');
  lines[line - 1] = value;
  return lines.join('\n');
}

export function npmOptionsFromForm(form: NpmForm): NpmOptions {
  return {
    portalUrl: form.portalUrl,
    autheliaUpstream: form.autheliaUpstream,
    cookieDomain: form.cookieDomain,
    hosts: form.hosts.map((h) => ({
      hostname: h.hostname,
      protected: h.protected,
      websockets: h.websockets,
      paths: textLines(h.paths),
      cacheAssets: h.cacheAssets,
      websocketsToggle: h.websocketsToggle,
      accessList: h.accessList,
      customLocations: textLines(h.customLocations),
      hsts: h.hsts,
      hstsSubdomains: h.hstsSubdomains,
      securityHeaders: h.securityHeaders,
      caseInsensitive: h.caseInsensitive,
    })),
    realIp: { mode: form.realIp.mode, dockerNetwork: form.realIp.dockerNetwork, relays: textLines(form.realIp.relays) },
  };
}

/** Where a diagnostic lands in the form: the field's `data-path`, and the entry index for one-per-line fields. */
export interface FieldTarget {
  field: string;
  entry?: number;
}

/** Maps a diagnostic path such as `hosts[1].paths[2]` to its form field (`hosts[1].paths`, entry 2). */
export function fieldOf(path: string | undefined): FieldTarget | undefined {
  if (!path) return undefined;
  const entry = /^(hosts\[\d+\]\.(?:paths|customLocations)|realIp\.relays)\[(\d+)\]$/.exec(path);
  if (entry) return { field: entry[1]!, entry: Number(entry[2]) };
  return { field: path };
}

/** The diagnostics that belong on one field (errors and warnings; notes stay in the list). */
export function fieldDiagnostics(diagnostics: readonly Diagnostic[], field: string): Diagnostic[] {
  return diagnostics.filter((d) => d.severity !== 'info' && fieldOf(d.path)?.field === field);
}
