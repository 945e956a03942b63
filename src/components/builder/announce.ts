/** Speaks a short message through the page's polite live region (rendered by the Base layout). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}

/**
 * An action's announcement with the checks' errors after it, so a copy or download of output that is known to be
 * broken never happens without a word: "Copied x — but the checks found 2 errors: first message".
 */
export function withErrors(done: string, errors: readonly { message: string }[]): string {
  if (errors.length === 0) return done;
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  const first = errors[0]!.message;
  return `${done} — but the checks found ${count}: ${first.length > 160 ? `${first.slice(0, 159)}…` : first}`;
}
