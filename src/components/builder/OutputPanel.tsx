import { useEffect, useRef, useState } from 'preact/hooks';
import type { GeneratedFile } from '../../lib/core';
import { announce } from './announce';
import { copyToClipboard, downloadAll, downloadFile } from './download';
import { highlightInWorker } from './highlighter';

interface Props {
  /** Unique per builder on a page; used for element ids. */
  id: string;
  files: GeneratedFile[];
  /** Name of the .zip offered by "Download all". */
  archiveName: string;
  label?: string;
}

/** Generated files as keyboard-operable tabs, with copy and download per file and download-all. */
export function OutputPanel({ id, files, archiveName, label = 'Generated files' }: Props) {
  const [selected, setSelected] = useState(0);
  const [copied, setCopied] = useState<string | undefined>();
  const [html, setHtml] = useState<Record<string, string>>({});
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.min(selected, Math.max(files.length - 1, 0));
  const file = files[index];

  // Highlight after render; until then (and on failure) the plain text is shown.
  useEffect(() => {
    if (!file) return;
    let live = true;
    const key = `${file.language}\u0000${file.content}`;
    if (html[key]) return;
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
  }, [file?.content, file?.language]);

  if (!file) return <p class="builder-empty">Nothing to generate yet.</p>;

  const onKeyDown = (event: KeyboardEvent) => {
    const last = files.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % files.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + files.length) % files.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  };

  const copy = async () => {
    const ok = await copyToClipboard(file.content);
    setCopied(ok ? file.name : undefined);
    announce(ok ? `Copied ${file.name}` : `Could not copy ${file.name}; select the text and copy it by hand`);
    window.setTimeout(() => setCopied(undefined), 2000);
  };

  const highlighted = html[`${file.language}\u0000${file.content}`];
  return (
    <section class="output-panel" aria-label={label}>
      <div class="output-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {files.map((f, i) => (
          <button
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === index}
            aria-controls={`${id}-panel`}
            tabIndex={i === index ? 0 : -1}
            ref={(el) => void (tabs.current[i] = el)}
            onClick={() => setSelected(i)}
          >
            {f.name}
          </button>
        ))}
      </div>
      <div class="output-actions">
        <button type="button" onClick={copy}>
          {copied === file.name ? 'Copied' : 'Copy'} <span class="sr-only">{file.name}</span>
        </button>
        <button type="button" onClick={() => downloadFile(file)}>
          Download <span class="sr-only">{file.name}</span>
        </button>
        {files.length > 1 && (
          <button type="button" onClick={() => void downloadAll(files, archiveName)}>
            Download all (.zip)
          </button>
        )}
      </div>
      <div class="output-file" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${index}`}>
        {highlighted ? (
          <div class="output-code" dangerouslySetInnerHTML={{ __html: highlighted }} />
        ) : (
          <pre class="astro-code output-plain" tabIndex={0} data-language={file.language}>
            <code>{file.content}</code>
          </pre>
        )}
      </div>
    </section>
  );
}

/** Keeps the highlight cache small while typing. */
function trim(cache: Record<string, string>): Record<string, string> {
  const keys = Object.keys(cache);
  return keys.length > 20 ? Object.fromEntries(keys.slice(-10).map((k) => [k, cache[k]!])) : cache;
}
