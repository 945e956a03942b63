import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { startingState, marksManual } from '../../lib/builders/state';
import { decodeShare, encodeShare, storableState, type StateSchema } from '../../lib/core/share';
import type { Profile } from '../../lib/profile/model';
import { useProfile } from './profileStore';

export type ProfileStatus = 'none' | 'synced' | 'manual';

export interface BuilderState<T> {
  state: T;
  /** For edits made by the user: marks the builder as edited by hand when it follows a profile. */
  setState: (next: T | ((prev: T) => T)) => void;
  /** For changes to fields the profile does not cover (generated secrets, password digests). */
  setStateSilently: (next: T | ((prev: T) => T)) => void;
  /** A link that reproduces the non-default, non-secret fields. */
  shareLink: () => string;
  /** Asks for confirmation, then restores the defaults and forgets the stored copy. */
  reset: () => void;
  keepSecrets: boolean;
  setKeepSecrets: (keep: boolean) => void;
  /** Why a shared link in the URL could not be used, if it could not. */
  notice: string | undefined;
  /** Whether the homelab profile fills this builder: none saved, followed, or overridden by hand. */
  profileStatus: ProfileStatus;
  /** Refills the builder from the profile and follows it again. */
  resync: () => void;
}

export interface BuilderOptions<T> {
  /** Derives this builder's state from the homelab profile (keeping what the profile does not cover). */
  fromProfile?: (profile: Profile, current: T) => T;
}

const storageKey = (id: string) => `builder:${id}`;
const secretsKey = (id: string) => `builder:${id}:keep-secrets`;
const manualKey = (id: string) => `builder:${id}:manual`;

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled or full: the builder still works for this visit.
  }
}

/**
 * Builder state kept across reloads (localStorage) and shareable by link (URL fragment).
 * Secrets (the schema's secretKeys) never reach storage unless the user opts in, and never reach a link.
 * With `fromProfile`, the builder follows the homelab profile until the user edits it by hand.
 */
export function useBuilderState<T extends object>(
  id: string,
  defaults: T,
  schema: StateSchema,
  options: BuilderOptions<T> = {},
): BuilderState<T> {
  const [notice, setNotice] = useState<string | undefined>();
  const [keepSecrets, setKeep] = useState(false);
  const [state, setRawState] = useState<T>(defaults);
  const [manual, setManual] = useState(false);
  const loaded = useRef(false);
  // The opt-in as of the reader's last click: a write already scheduled (or on pagehide) reads it, never an old value.
  const keepRef = useRef(false);
  const profile = useProfile();
  const { fromProfile } = options;

  // Load after hydration so server and client render the same first frame.
  useEffect(() => {
    const keep = readStorage(secretsKey(id)) === 'true';
    keepRef.current = keep;
    setKeep(keep);
    const start = startingState({
      id,
      defaults,
      schema,
      hash: window.location.hash,
      stored: readStorage(storageKey(id)),
      storedManual: readStorage(manualKey(id)) === 'true',
      keepSecrets: keep,
    });
    setRawState(start.state);
    setManual(start.manual);
    if (start.notice) setNotice(start.notice);
    loaded.current = true;
  }, []);

  // Follow the profile while the builder has not been edited by hand.
  useEffect(() => {
    if (!fromProfile || !profile || manual) return;
    setRawState((prev) => fromProfile(profile, prev));
  }, [profile, manual]);

  useEffect(() => {
    if (!loaded.current) return;
    const write = () => writeState(state);
    const timer = window.setTimeout(write, 250);
    // A reload or a link followed within the pause must not lose the last edit.
    window.addEventListener('pagehide', write);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', write);
    };
  }, [state, keepSecrets]);

  function writeState(current: T) {
    const keep = keepRef.current;
    const value = storableState(current, schema, keep);
    writeStorage(storageKey(id), encodeShare(value, defaults, { ...schema, secretKeys: keep ? [] : schema.secretKeys }));
  }

  const profileStatus: ProfileStatus = !fromProfile || !profile ? 'none' : manual ? 'manual' : 'synced';

  return useMemo(
    () => ({
      state,
      setState: (next: T | ((prev: T) => T)) => {
        setRawState(next);
        if (marksManual(profile !== undefined, fromProfile !== undefined, manual)) {
          setManual(true);
          writeStorage(manualKey(id), 'true');
        }
      },
      setStateSilently: setRawState,
      notice,
      keepSecrets,
      setKeepSecrets: (keep: boolean) => {
        keepRef.current = keep;
        setKeep(keep);
        writeStorage(secretsKey(id), keep ? 'true' : null);
        // Opting out takes the secrets out of storage at once, not after the pause.
        if (!keep && loaded.current) writeState(state);
      },
      shareLink: () => {
        const url = new URL(window.location.href);
        const params = new URLSearchParams(url.hash.replace(/^#/, ''));
        params.set(id, encodeShare(state, defaults, schema));
        url.hash = params.toString();
        return url.href;
      },
      reset: () => {
        if (!window.confirm('Reset this builder to its defaults? Your current input will be lost.')) return;
        writeStorage(storageKey(id), null);
        writeStorage(manualKey(id), null);
        setManual(false);
        setRawState(fromProfile && profile ? fromProfile(profile, defaults) : defaults);
      },
      profileStatus,
      resync: () => {
        if (!fromProfile || !profile) return;
        writeStorage(manualKey(id), null);
        setManual(false);
        setRawState((prev) => fromProfile(profile, prev));
      },
    }),
    [state, notice, keepSecrets, profile, manual],
  );
}

/**
 * Another builder's state as this device stores it (its secrets left out unless that builder's opt-in is on), or
 * undefined when nothing usable is stored. The one way a builder reads another builder's state.
 */
export function readStoredState<T extends object>(other: { id: string; defaults: T; schema: StateSchema }): T | undefined {
  const stored = readStorage(storageKey(other.id));
  if (!stored) return undefined;
  const keep = readStorage(secretsKey(other.id)) === 'true';
  const decoded = decodeShare(stored, other.defaults, { ...other.schema, secretKeys: keep ? [] : other.schema.secretKeys });
  return decoded.ok ? decoded.state : undefined;
}
