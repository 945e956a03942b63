import { useEffect, useState } from 'preact/hooks';
import type { GeneratedFile } from '../../lib/core';
import { highlightInWorker } from './highlighter';

/**
 * The file's highlighted HTML, made in the highlight worker shortly after the file last changed; undefined until then
 * (and when highlighting is unavailable), so the caller shows the plain text meanwhile. Shared by every output view.
 */
export function useHighlighted(file: GeneratedFile | undefined): string | undefined {
  const [html, setHtml] = useState<Record<string, string>>({});
  const key = file ? `${file.language}\u0000${file.content}` : '';

  useEffect(() => {
    if (!file || html[key]) return;
    let live = true;
    const timer = window.setTimeout(() => {
      highlightInWorker(file.content, file.language)
        .then((out) => {
          if (live && out) setHtml((prev) => ({ ...trim(prev), [key]: out }));
        })
        .catch(() => undefined);
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  return file ? html[key] : undefined;
}

/** Keeps the cache small while typing. */
function trim(cache: Record<string, string>): Record<string, string> {
  const keys = Object.keys(cache);
  return keys.length > 20 ? Object.fromEntries(keys.slice(-10).map((k) => [k, cache[k]!])) : cache;
}
