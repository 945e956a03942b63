/**
 * Keeps the section a link points at where the reader asked for it while the builders above it appear.
 *
 * The builders are client-only islands: the browser has already scrolled to `#some-heading` when they render, and
 * each pushes everything below it down by one to three thousand pixels, so a link to a section below a builder would
 * open in the middle of its form. Rendering them on the server does not fit the pages' HTML budget, and their height
 * depends on the reader's saved state and the screen, so no space can be reserved exactly. Instead, from the moment
 * the first builder's code runs, every change of the page's size puts the target back at the top (as the browser's
 * own scroll to it did). A ResizeObserver reports after layout and before paint, so the reader never sees the section
 * move. It stops for good at the reader's first scroll, key, click or touch, and it does nothing when the reader has
 * already clicked or pressed a key before the code arrived (a scroll that early is not reported to a page).
 */
const READER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

let started = false;

export function holdLinkTarget(): void {
  if (started || typeof document === 'undefined' || typeof ResizeObserver === 'undefined') return;
  started = true;
  const id = safeDecode(location.hash.slice(1));
  // Share links (#tailscale=v1.…) and text fragments name no element.
  const target = id ? document.getElementById(id) : null;
  // The browser may not have finished its own scroll to the target yet (it scrolled while the page was still
  // arriving), so where the target is now says nothing; a click or key before this code ran does.
  if (!target || performance.getEntriesByType('first-input').length > 0) return;

  let stopped = false;
  const hold = () => {
    if (stopped || inPlace(target)) return true;
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
    return false;
  };
  const observer = new ResizeObserver(() => void hold());
  // Not every move comes with a change of the page's size (a builder's columns trade height, the browser anchors its
  // scroll to something inside a growing island): each frame checks too, until the islands have all appeared and the
  // target has stayed in place for STEADY_FRAMES frames in a row.
  let steady = 0;
  const everyFrame = () => {
    const held = hold();
    steady = held && !document.querySelector('astro-island[ssr]') ? steady + 1 : 0;
    if (!stopped && steady < STEADY_FRAMES) window.requestAnimationFrame(everyFrame);
  };
  // Only the reader's own input ends it: scroll events cannot tell the reader's scrolling from the browser's own scroll
  // to the target. That scroll is instant because the site never sets `scroll-behavior: smooth` on the root: a smooth
  // one animates for half a second towards where the target was before the islands appeared, and an instant
  // correction made meanwhile can be cut short by it (the page then stops somewhere in between).
  const stop = () => {
    stopped = true;
    observer.disconnect();
    for (const type of READER_INPUT) window.removeEventListener(type, stop, true);
  };
  for (const type of READER_INPUT) window.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(document.body);
  window.requestAnimationFrame(everyFrame);
}

/** Frames in a row with the target in place and every island rendered before the per-frame check ends. */
const STEADY_FRAMES = 90;

/** Whether `target` is where following the link put it: at the top, less the page's scroll padding, or as near as the page's end allows. */
function inPlace(target: HTMLElement): boolean {
  const root = document.documentElement;
  // Where the link puts it: below the page's scroll padding and the heading's own scroll margin.
  const offset =
    (parseFloat(getComputedStyle(root).scrollPaddingTop) || 0) + (parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
  const top = target.getBoundingClientRect().top - offset;
  const atEnd = window.scrollY + window.innerHeight >= root.scrollHeight - 1;
  return Math.abs(top) <= 1 || (atEnd && top > 0);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
