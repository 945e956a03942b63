import type { ComponentChildren } from 'preact';
import type { Diagnostic, Severity } from '../../lib/core';
import { GoToField, ShownAtField, useFieldPlaces } from './fieldPlaces';

/** Where a diagnostic points when it is not a field of the form (the kit: one of its files, and a button to show it). */
export interface Elsewhere {
  where: ComponentChildren;
  action: ComponentChildren;
}

interface Props {
  diagnostics: Diagnostic[];
  /** The builder's root element; fields inside carry `data-path` attributes matching `Diagnostic.path`. */
  root: () => HTMLElement | null;
  /** The region's name. */
  label?: string;
  class?: string;
  /** A headline over the groups; given, it also stands for "No problems found" when there are none. */
  summary?: ComponentChildren;
  elsewhere?: (diagnostic: Diagnostic) => Elsewhere | undefined;
}

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

/**
 * The builder's checks, by severity. A message already shown under its field is not repeated here: its entry names
 * the field and leads to it, so the counts stay whole and each message is read once.
 */
export function DiagnosticsList({ diagnostics, root, label = 'Problems and warnings', class: extra, summary, elsewhere }: Props) {
  const places = useFieldPlaces(diagnostics, root);
  if (diagnostics.length === 0 && summary === undefined) {
    return (
      <p class="diagnostics-ok" role="status">
        No problems found.
      </p>
    );
  }
  return (
    <div class={extra ? `diagnostics ${extra}` : 'diagnostics'} role="region" aria-label={label}>
      {summary}
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
                const other = elsewhere?.(d);
                const place = other ? undefined : places.get(d);
                if (d.path !== undefined && place?.shown)
                  return (
                    <li data-code={d.code} class="diagnostic-at-field">
                      <p class="diagnostic-message">
                        <ShownAtField root={root} path={d.path} place={place} />
                      </p>
                    </li>
                  );
                const where =
                  other?.where ?? (d.line !== undefined && `Line ${d.line}${d.column !== undefined ? `:${d.column}` : ''}`);
                return (
                  <li data-code={d.code}>
                    <p class="diagnostic-message">
                      {where && <span class="diagnostic-where">{where}: </span>}
                      {d.message}
                    </p>
                    {(other || (d.path !== undefined && place)) && (
                      <p class="diagnostic-meta">
                        {other ? other.action : <GoToField root={root} path={d.path!} place={place} />}
                      </p>
                    )}
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
