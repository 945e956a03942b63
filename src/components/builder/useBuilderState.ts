import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { decodeShare, encodeShare, readFragment, storableState, type StateSchema } from '../../lib/core/share';

export interface BuilderState<T> {
  state: T;
  setState: (next: T | ((prev: T) => T)) => void;
  /** A link that reproduces the non-default, non-secret fields. */
  shareLink: () => string;
  /** Asks for confirmation, then restores the defaults and forgets the stored copy. */
  reset: () => void;
  keepSecrets: boolean;
  setKeepSecrets: (keep: boolean) => void;
  /** Why a shared link in the URL could not be used, if it could not. */
  notice: string | undefined;
}

const storageKey = (id: string) => `builder:${id}`;
const secretsKey = (id: string) => `builder:${id}:keep-secrets`;

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
 */
export function useBuilderState<T extends object>(id: string, defaults: T, schema: StateSchema): BuilderState<T> {
  const [notice, setNotice] = useState<string | undefined>();
  const [keepSecrets, setKeep] = useState(false);
  const [state, setState] = useState<T>(defaults);
  const loaded = useRef(false);

  // Load after hydration so server and client render the same first frame.
  useEffect(() => {
    const keep = readStorage(secretsKey(id)) === 'true';
    setKeep(keep);
    const shared = readFragment(window.location.hash, id);
    if (shared) {
      const decoded = decodeShare(shared, defaults, schema);
      if (decoded.ok) setState(decoded.state);
      else setNotice(decoded.reason);
    } else {
      const stored = readStorage(storageKey(id));
      if (stored) {
        const decoded = decodeShare(stored, defaults, { ...schema, secretKeys: keep ? [] : schema.secretKeys });
        if (decoded.ok) setState(decoded.state);
      }
    }
    loaded.current = true;
  }, []);

  useEffect(() => {
    if (!loaded.current) return;
    const timer = window.setTimeout(() => {
      const value = storableState(state, schema, keepSecrets);
      writeStorage(storageKey(id), encodeShare(value, defaults, { ...schema, secretKeys: keepSecrets ? [] : schema.secretKeys }));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [state, keepSecrets]);

  return useMemo(
    () => ({
      state,
      setState,
      notice,
      keepSecrets,
      setKeepSecrets: (keep: boolean) => {
        setKeep(keep);
        writeStorage(secretsKey(id), keep ? 'true' : null);
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
        setState(defaults);
      },
    }),
    [state, notice, keepSecrets],
  );
}
