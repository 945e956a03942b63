import type { Diagnostic, Severity } from '../../lib/core';

interface Props {
  diagnostics: Diagnostic[];
  /** The builder's root element; fields inside carry `data-path` attributes matching `Diagnostic.path`. */
  root: () => HTMLElement | null;
}

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

/** Focuses the field a diagnostic points at, falling back to its nearest parent path. */
export function focusPath(root: HTMLElement | null, path: string): boolean {
  if (!root) return false;
  let current = path;
  while (current) {
    const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(current)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return true;
    }
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
  return false;
}

export function DiagnosticsList({ diagnostics, root }: Props) {
  if (diagnostics.length === 0) {
    return (
      <p class="diagnostics-ok" role="status">
        No problems found.
      </p>
    );
  }
  return (
    <div class="diagnostics" role="region" aria-label="Problems and warnings">
      {GROUPS.map(({ severity, title }) => {
        const items = diagnostics.filter((d) => d.severity === severity);
        if (items.length === 0) return null;
        return (
          <section class={`diagnostics-group diagnostics-${severity}`}>
            <h3>
              {title} ({items.length})
            </h3>
            <ul>
              {items.map((d) => (
                <li data-code={d.code}>
                  <p class="diagnostic-message">
                    {d.line !== undefined && (
                      <span class="diagnostic-where">
                        Line {d.line}
                        {d.column !== undefined ? `:${d.column}` : ''}:{' '}
                      </span>
                    )}
                    {d.message}
                  </p>
                  <p class="diagnostic-meta">
                    {d.path && (
                      <button type="button" class="link-button" onClick={() => focusPath(root(), d.path!)}>
                        Go to field <span class="sr-only">{d.path}</span>
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
