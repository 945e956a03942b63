// "Open this in the builder" without putting the text in a link or in storage: the sending page opens the builder
// page in a new tab; the builder page, opened by a page of this site, says it is ready; the sender answers with the
// text by postMessage. Both sides accept messages only from this site's origin and only from the window they expect.
import { useEffect } from 'preact/hooks';

const READY = 'hfd-handoff-ready';
const TEXT = 'hfd-handoff-text';
/** The sender forgets the text if the builder has not asked for it by then. */
const WAIT_MS = 60_000;

interface ReadyMessage {
  type: typeof READY;
  builder: string;
}
interface TextMessage {
  type: typeof TEXT;
  builder: string;
  text: string;
}

const isMessage = (data: unknown, type: string, builder: string): boolean =>
  typeof data === 'object' &&
  data !== null &&
  (data as { type?: unknown }).type === type &&
  (data as { builder?: unknown }).builder === builder;

/**
 * Opens `page#anchor` in a new tab and hands it `text` once that page's builder `builder` says it is ready. Returns
 * false when the browser blocked the new tab.
 */
export function openWithText(page: string, anchor: string, builder: string, text: string): boolean {
  const target = window.open(`${page}#${anchor}`, '_blank');
  if (!target) return false;
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== location.origin || event.source !== target || !isMessage(event.data, READY, builder)) return;
    stop();
    target.postMessage({ type: TEXT, builder, text } satisfies TextMessage, location.origin);
  };
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    window.removeEventListener('message', onMessage);
    window.clearTimeout(timer);
  };
  window.addEventListener('message', onMessage);
  return true;
}

/**
 * In a builder island: when this page was opened by another page of this site, ask it for text and give what arrives
 * to `onText` (once). The text only ever lives in the island's state.
 */
export function useHandoff(builder: string, onText: (text: string) => void): void {
  useEffect(() => {
    const opener = window.opener as Window | null;
    if (!opener) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== opener || !isMessage(event.data, TEXT, builder)) return;
      const text = (event.data as TextMessage).text;
      if (typeof text !== 'string') return;
      window.removeEventListener('message', onMessage);
      onText(text);
      // The page was opened at the field's anchor; islands render on the client, so move there once the text is in.
      window.setTimeout(() => document.getElementById(location.hash.slice(1))?.focus(), 0);
    };
    window.addEventListener('message', onMessage);
    try {
      // Delivered only if the opener is a page of this origin.
      opener.postMessage({ type: READY, builder } satisfies ReadyMessage, location.origin);
    } catch {
      window.removeEventListener('message', onMessage);
    }
    return () => window.removeEventListener('message', onMessage);
  }, []);
}
