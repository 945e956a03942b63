/**
 * Builder state that leaves the page — share links and local storage — goes through here,
 * so one place guarantees that secrets stay out unless the user opts in.
 */

export interface StateSchema {
  /** Bumped whenever the state shape changes; links with another version are refused politely. */
  version: number;
  /** Property names that hold secrets, removed at any depth (e.g. `password`, `secrets`). */
  secretKeys: readonly string[];
  /**
   * Brings the fields of a link or stored state made by an older version (`fromVersion` < `version`) to this
   * version's shape; undefined refuses them. Without it, other versions are refused politely.
   */
  migrate?: (fields: Record<string, unknown>, fromVersion: number) => Record<string, unknown> | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A deep copy without any property named in `secretKeys`, at any depth. */
export function stripSecrets<T>(value: T, secretKeys: readonly string[]): T {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) if (!secretKeys.includes(k)) out[k] = strip(inner);
      return out;
    }
    return v;
  };
  return strip(value) as T;
}

/** Top-level fields whose value differs from the default (compared as JSON). */
export function changedFields<T extends object>(state: T, defaults: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(state) as (keyof T)[]) {
    if (JSON.stringify(state[key]) !== JSON.stringify(defaults[key])) out[key] = state[key];
  }
  return out;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): string {
  const b64 = data.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The value for a share-link fragment parameter: `v<version>.<base64url JSON of the changed, non-secret fields>`. */
export function encodeShare<T extends object>(state: T, defaults: T, schema: StateSchema): string {
  const diff = stripSecrets(changedFields(state, defaults), schema.secretKeys);
  return `v${schema.version}.${toBase64Url(JSON.stringify(diff))}`;
}

export type DecodeResult<T> = { ok: true; state: T } | { ok: false; reason: string };

/**
 * Reads a share value back over the defaults. Never throws; secrets in a hand-made link are ignored,
 * and fields that are not in the defaults are dropped.
 */
export function decodeShare<T extends object>(value: string, defaults: T, schema: StateSchema): DecodeResult<T> {
  const match = /^v(\d+)\.([A-Za-z0-9_-]*)$/.exec(value);
  if (!match) return { ok: false, reason: 'The shared link is damaged (its data is not in the expected format).' };
  const version = Number(match[1]);
  const otherVersion = {
    ok: false as const,
    reason: `The shared link was made by another version of this builder (v${match[1]}, this is v${schema.version}).`,
  };
  if (version !== schema.version && !(schema.migrate && version < schema.version)) return otherVersion;
  let parsed: Json;
  try {
    parsed = JSON.parse(fromBase64Url(match[2]!)) as Json;
  } catch {
    return { ok: false, reason: 'The shared link is damaged (its data cannot be read).' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'The shared link is damaged (its data is not a set of fields).' };
  }
  if (version !== schema.version) {
    let migrated: Record<string, unknown> | undefined;
    try {
      migrated = schema.migrate?.(parsed, version);
    } catch {
      migrated = undefined;
    }
    if (!migrated || typeof migrated !== 'object' || Array.isArray(migrated)) return otherVersion;
    parsed = migrated as Json;
  }
  const clean = stripSecrets(parsed, schema.secretKeys) as Record<string, Json>;
  const state = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(clean)) {
    if (k in defaults && (typeof v === typeof (defaults as Record<string, unknown>)[k] || v === null)) state[k] = v;
  }
  return { ok: true, state: state as T };
}

/** Reads one builder's parameter from a URL fragment like `#access=v1.xxx&other=…`. */
export function readFragment(hash: string, param: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(param) ?? undefined;
}

/** What may be written to local storage: secrets only when the user opted in. */
export function storableState<T>(state: T, schema: StateSchema, keepSecrets: boolean): T {
  return keepSecrets ? state : stripSecrets(state, schema.secretKeys);
}
