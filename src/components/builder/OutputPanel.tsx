import { useEffect, useRef, useState } from 'preact/hooks';
import type { Diagnostic, GeneratedFile } from '../../lib/core';
import { announce, withErrors } from './announce';
import { GoToField, ShownAtField, useFieldPlaces } from './fieldPlaces';
import { copyToClipboard, downloadAll, downloadFile } from './download';
import { CodeView } from './CodeView';

interface Props {
  /** Unique per builder on a page; used for element ids. */
  id: string;
  files: GeneratedFile[];
  /** Name of the .zip offered by "Download all". */
  archiveName: string;
  label?: string;
  /** The builder's checks: their errors are shown over the files and said with every copy and download. */
  diagnostics?: readonly Diagnostic[];
  /** The builder's root, for the banner's "Go to field" (fields carry `data-path`). */
  root?: () => HTMLElement | null;
  /** Told which files left the page by Copy, Download or Download all (a builder that tracks unsaved secrets). */
  onExport?: (exported: readonly GeneratedFile[]) => void;
}

/** Generated files as keyboard-operable tabs, with copy and download per file and download-all. */
export function OutputPanel({ id, files, archiveName, label = 'Generated files', diagnostics = [], root, onExport }: Props) {
  // The selected tab follows its file by name (adding a host before it keeps the same file shown); by position
  // only when that file is gone.
  const [selectedName, setSelectedName] = useState<string | undefined>();
  const [fallback, setFallback] = useState(0);
  const [copied, setCopied] = useState<string | undefined>();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const byName = selectedName === undefined ? -1 : files.findIndex((f) => f.name === selectedName);
  const index = byName >= 0 ? byName : Math.min(fallback, Math.max(files.length - 1, 0));
  const file = files[index];
  const setSelected = (at: number) => {
    setFallback(at);
    setSelectedName(files[at]?.name);
  };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const places = useFieldPlaces(errors, root ?? (() => null));
  useEffect(() => {
    if (byName >= 0 && byName !== fallback) setFallback(byName);
  }, [byName]);

  if (!file)
    return errors.length > 0 ? (
      <p class="builder-incomplete output-errors" role="note" data-errors={errors.length}>
        {errors.length === 1 ? 'The checks found 1 error' : `The checks found ${errors.length} errors`}: fix{' '}
        {errors.length === 1 ? 'it' : 'them'} above and the files appear here.
      </p>
    ) : (
      <p class="builder-empty">Nothing to generate yet.</p>
    );

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
    if (ok) onExport?.([file]);
    announce(ok ? withErrors(`Copied ${file.name}`, errors) : `Could not copy ${file.name}; select the text and copy it by hand`);
    window.setTimeout(() => setCopied(undefined), 2000);
  };

  return (
    <section class="output-panel" aria-label={label}>
      {errors.length > 0 && (
        <div class="builder-incomplete output-errors" role="note" data-errors={errors.length}>
          <p>
            {errors.length === 1 ? 'The checks found 1 error' : `The checks found ${errors.length} errors`}: until{' '}
            {errors.length === 1 ? 'it is' : 'they are'} fixed, the files below leave out or hold a placeholder for what is in
            error.
          </p>
          <ul>
            {errors.slice(0, 3).map((d) => {
              const place = places.get(d);
              // A message its field shows is named by the field here, as under Checks, so it is read once.
              return d.path !== undefined && root && place?.shown ? (
                <li data-code={d.code} class="diagnostic-at-field">
                  <ShownAtField root={root} path={d.path} place={place} />
                </li>
              ) : (
                <li data-code={d.code}>
                  {d.message} {d.path !== undefined && root && place && <GoToField root={root} path={d.path} place={place} />}
                </li>
              );
            })}
            {errors.length > 3 && <li>…and {errors.length - 3} more under Checks.</li>}
          </ul>
        </div>
      )}
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
        <button
          type="button"
          onClick={() => {
            downloadFile(file);
            onExport?.([file]);
            announce(withErrors(`Downloaded ${file.name}`, errors));
          }}
        >
          Download <span class="sr-only">{file.name}</span>
        </button>
        {files.length > 1 && (
          <button
            type="button"
            onClick={() =>
              void downloadAll(files, archiveName).then(() => {
                onExport?.(files);
                announce(withErrors(`Downloaded ${archiveName}`, errors));
              })
            }
          >
            Download all (.zip)
          </button>
        )}
      </div>
      <div class="output-file" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${index}`}>
        <CodeView file={file} />
      </div>
    </section>
  );
}
