/**
 * A homelab profile that came by link. Builders follow only the profile saved in this browser, so one opened from a
 * link changes nothing until the reader saves it, and the page must say so (ProfileEditor shows the notice).
 */

/** JSON with object keys sorted, so two values built in different key orders compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * Whether a homelab profile opened from a link still waits to be saved: builders follow only the profile saved in this
 * browser, so until then the page must say that the linked profile is not applied. `linked` is the profile the editor
 * holds since it was loaded from the link (undefined when it was not), `saved` the one in this browser.
 */
export function linkedProfilePending(linked: object | undefined, saved: object | undefined): boolean {
  return linked !== undefined && (saved === undefined || canonicalJson(linked) !== canonicalJson(saved));
}
