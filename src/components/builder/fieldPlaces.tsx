// Where a diagnostic's field is in the form, read from the page itself: the field's label (so "Go to field" says which
// field, not the internal path), and whether the field already shows the message under it (so a list of checks can
// point there instead of repeating it). Fields carry `data-path`; FieldMessages lists carry the messages and are named
// by the field's `aria-describedby`. Layout only: no tool rule lives here.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Diagnostic } from '../../lib/core';

export interface FieldPlace {
  /** The field's label as the reader sees it. */
  label: string;
  /** The message is shown under the field right now (rendered, not in a closed section). */
  shown: boolean;
}

/** The element for `path`, or for its nearest parent path that has one. */
export function fieldFor(root: HTMLElement | null, path: string): { element: HTMLElement; exact: boolean } | undefined {
  if (!root) return undefined;
  let current = path;
  while (current) {
    const element = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(current)}"]`);
    if (element) return { element, exact: current === path };
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
  return undefined;
}

/** Focuses the field a diagnostic points at, falling back to its nearest parent path. */
export function focusPath(root: HTMLElement | null, path: string): boolean {
  const found = fieldFor(root, path);
  if (!found) return false;
  found.element.scrollIntoView({ block: 'center' });
  found.element.focus();
  return true;
}

/** The field's label as shown: its `aria-labelledby` element, its `<label>` or its fieldset's legend, without hints. */
function labelOf(element: HTMLElement): string {
  const by = element.getAttribute('aria-labelledby');
  const source =
    (by && document.getElementById(by)) || (element as HTMLInputElement).labels?.[0] || element.querySelector(':scope > legend');
  if (!source) return (element.getAttribute('aria-label') ?? '').trim();
  const copy = source.cloneNode(true) as HTMLElement;
  for (const extra of copy.querySelectorAll('.field-hint, .field-messages, .sr-only')) extra.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function shownUnder(element: HTMLElement, diagnostic: Diagnostic): boolean {
  for (const id of (element.getAttribute('aria-describedby') ?? '').split(/\s+/)) {
    const list = id ? document.getElementById(id) : null;
    if (!list || list.getClientRects().length === 0) continue;
    for (const item of list.querySelectorAll<HTMLElement>('[data-code]'))
      if (item.dataset.code === diagnostic.code && item.textContent?.includes(diagnostic.message)) return true;
  }
  return false;
}

/** Each diagnostic's field place (those with a path whose field is on the page), recomputed after every render. */
export function useFieldPlaces(diagnostics: readonly Diagnostic[], root: () => HTMLElement | null): Map<Diagnostic, FieldPlace> {
  const [places, setPlaces] = useState<Map<Diagnostic, FieldPlace>>(new Map());
  useLayoutEffect(() => {
    const measure = () => {
      const next = new Map<Diagnostic, FieldPlace>();
      for (const diagnostic of diagnostics) {
        if (diagnostic.path === undefined) continue;
        const found = fieldFor(root(), diagnostic.path);
        if (!found) continue;
        next.set(diagnostic, { label: labelOf(found.element), shown: found.exact && shownUnder(found.element, diagnostic) });
      }
      setPlaces((prev) => (same(prev, next) ? prev : next));
    };
    measure();
    // A section that opens or closes shows or hides the messages in it.
    const element = root();
    element?.addEventListener('toggle', measure, true);
    return () => element?.removeEventListener('toggle', measure, true);
  });
  return places;
}

function same(a: Map<Diagnostic, FieldPlace>, b: Map<Diagnostic, FieldPlace>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of b) {
    const other = a.get(key);
    if (!other || other.label !== value.label || other.shown !== value.shown) return false;
  }
  return true;
}

/** "Go to field", naming the field for screen readers when the page gives it a label. */
export function GoToField({ root, path, place }: { root: () => HTMLElement | null; path: string; place?: FieldPlace }) {
  return (
    <button type="button" class="link-button" onClick={() => focusPath(root(), path)}>
      Go to field{place?.label && <span class="sr-only"> {place.label}</span>}
    </button>
  );
}

/** The entry for a message its field already shows: which field, and the way there. */
export function ShownAtField({ root, path, place }: { root: () => HTMLElement | null; path: string; place: FieldPlace }) {
  return (
    <>
      Shown under <span class="diagnostic-field">{place.label || 'its field'}</span>.{' '}
      <GoToField root={root} path={path} place={place} />
    </>
  );
}
