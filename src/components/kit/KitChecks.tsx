// The kit's cross-checks: errors, warnings and notes, each naming the file and line it found (a button opens that
// file) or the field it points at (a button focuses it). The checks themselves live in src/lib/kit.
import type { Diagnostic, Severity } from '../../lib/core';
import { focusPath } from '../builder/DiagnosticsList';

interface Props {
  diagnostics: Diagnostic[];
  /** The kit's file names: a diagnostic whose `path` is one of them points at that file. */
  fileNames: ReadonlySet<string>;
  /** The line of a diagnostic in the file as shown (the shown file carries a provenance header). */
  shownLine: (diagnostic: Diagnostic) => number | undefined;
  onShowFile: (name: string) => void;
  root: () => HTMLElement | null;
}

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The headline: whether the kit is written and its parts agree. */
function Summary({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0)
    return (
      <p class="kit-checks-summary" role="status">
        {plural(errors, 'error')}: no kit until {errors === 1 ? 'it is' : 'they are'} fixed.
      </p>
    );
  if (warnings > 0)
    return (
      <p class="kit-checks-summary" role="status">
        The kit is written, with {plural(warnings, 'warning')} to read before you use it.
      </p>
    );
  return (
    <p class="diagnostics-ok kit-checks-ok" role="status">
      Every cross-check passed: the files agree with each other.
    </p>
  );
}

export function KitChecks({ diagnostics, fileNames, shownLine, onShowFile, root }: Props) {
  // "Go to field" only for fields this page has (a part's own notes may name a field of its guide's builder).
  const onPage = (path: string) => root()?.querySelector(`[data-path="${CSS.escape(path)}"]`) != null;
  return (
    <div class="diagnostics kit-checks" role="region" aria-label="Cross-check results">
      <Summary diagnostics={diagnostics} />
      {GROUPS.map(({ severity, title }) => {
        const items = diagnostics.filter((d) => d.severity === severity);
        if (items.length === 0) return null;
        return (
          <section class={`diagnostics-group diagnostics-${severity}`}>
            <h3>
              {title} ({items.length})
            </h3>
            <ul>
              {items.map((d) => {
                const file = d.path !== undefined && fileNames.has(d.path) ? d.path : undefined;
                const line = file ? shownLine(d) : d.line;
                return (
                  <li data-code={d.code} data-file={file}>
                    <p class="diagnostic-message">
                      {(file || line !== undefined) && (
                        <span class="diagnostic-where">
                          {file && <code>{file}</code>}
                          {file && line !== undefined ? ', ' : ''}
                          {line !== undefined ? `line ${line}` : ''}:{' '}
                        </span>
                      )}
                      {d.message}
                    </p>
                    <p class="diagnostic-meta">
                      {file ? (
                        <button type="button" class="link-button" onClick={() => onShowFile(file)}>
                          Show <span class="sr-only">{file}</span>
                        </button>
                      ) : (
                        d.path &&
                        onPage(d.path) && (
                          <button type="button" class="link-button" onClick={() => focusPath(root(), d.path!)}>
                            Go to field <span class="sr-only">{d.path}</span>
                          </button>
                        )
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
