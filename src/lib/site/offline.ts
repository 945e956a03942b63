/**
 * When the page may precache the site for offline use by itself (src/scripts/sw-register.ts). Pure, so it is
 * unit-tested; the page passes in what `navigator.connection` (Network Information API) and storage say.
 */

export const OFFLINE_CHOICE_KEY = 'offline';

export interface ConnectionHints {
  /** `navigator.connection.saveData`: the reader asked the browser to save data (the Save-Data client hint). */
  saveData?: boolean;
  /** `navigator.connection.effectiveType`: 'slow-2g', '2g', '3g' or '4g'. */
  effectiveType?: string;
  /** `navigator.connection.type` where the browser exposes it: 'cellular' is metered in practice. */
  type?: string;
}

export type OfflineDecision = 'precache' | 'offer';

/**
 * Precache on its own only on a connection that does not cost the reader: never with Save-Data, on a cellular link or
 * on a slow one (2G-class effective type). There the page offers it instead. A reader who chose "keep offline" before
 * (`stored === 'yes'`) keeps it, so the worker still updates with the site.
 */
export function offlineDecision(hints: ConnectionHints | undefined, stored: string | null): OfflineDecision {
  if (stored === 'yes') return 'precache';
  if (!hints) return 'precache';
  if (hints.saveData === true) return 'offer';
  if (hints.type === 'cellular') return 'offer';
  if (hints.effectiveType === 'slow-2g' || hints.effectiveType === '2g') return 'offer';
  return 'precache';
}

/** "1.9 MB" / "640 kB" for the offer's size line. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
