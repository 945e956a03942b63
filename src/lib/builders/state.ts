/**
 * Where a builder's first state comes from, decided in one pure function so the precedence is tested:
 * a share link in the address wins, then the copy stored on this device, then the defaults. A shared link is
 * someone's hand-made state, so it also counts as "edited by hand": the local homelab profile must not overwrite it.
 */
import { decodeShare, readFragment, type StateSchema } from '../core/share';

export interface StartingInput<T extends object> {
  id: string;
  defaults: T;
  schema: StateSchema;
  /** `location.hash` of the page. */
  hash: string;
  /** The stored value (`builder:<id>`), or null. */
  stored: string | null;
  /** The stored "edited by hand" flag (`builder:<id>:manual`). */
  storedManual: boolean;
  /** Whether the reader opted in to keeping secrets on this device. */
  keepSecrets: boolean;
}

export interface StartingState<T> {
  state: T;
  source: 'link' | 'storage' | 'defaults';
  /** True when the builder must not follow the profile (a shared link, or edited by hand before). */
  manual: boolean;
  /** Why a shared link could not be used, when it could not. */
  notice?: string;
}

export function startingState<T extends object>(input: StartingInput<T>): StartingState<T> {
  const { id, defaults, schema, hash, stored, storedManual, keepSecrets } = input;
  const shared = readFragment(hash, id);
  if (shared) {
    // Secrets are never read from a link, whatever the opt-in says.
    const decoded = decodeShare(shared, defaults, schema);
    if (decoded.ok) return { state: decoded.state, source: 'link', manual: true };
    // The reader followed a link: show its problem over the defaults rather than a stored state they did not ask for.
    return { state: defaults, source: 'defaults', manual: storedManual, notice: decoded.reason };
  }
  if (stored) {
    const decoded = decodeShare(stored, defaults, { ...schema, secretKeys: keepSecrets ? [] : schema.secretKeys });
    if (decoded.ok) return { state: decoded.state, source: 'storage', manual: storedManual };
  }
  return { state: defaults, source: 'defaults', manual: storedManual };
}

/** Whether an edit made by the reader turns "follows the profile" into "edited by hand". */
export function marksManual(hasProfile: boolean, followsProfile: boolean, manual: boolean): boolean {
  return hasProfile && followsProfile && !manual;
}
