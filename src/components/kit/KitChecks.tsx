// The kit's cross-checks: errors, warnings and notes, each naming the file and line it found (a button opens that
// file) or the field it points at (the shared list's "Go to field"). The checks themselves live in src/lib/kit.
import type { Diagnostic } from '../../lib/core';
import { DiagnosticsList } from '../builder/DiagnosticsList';

interface Props {
  diagnostics: Diagnostic[];
  /** The kit's file names: a diagnostic whose `path` is one of them points at that file. */
  fileNames: ReadonlySet<string>;
  /** The line of a diagnostic in the file as shown (the shown file carries a provenance header). */
  shownLine: (diagnostic: Diagnostic) => number | undefined;
  onShowFile: (name: string) => void;
  root: () => HTMLElement | null;
}

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
  return (
    <DiagnosticsList
      diagnostics={diagnostics}
      root={root}
      label="Cross-check results"
      class="kit-checks"
      summary={<Summary diagnostics={diagnostics} />}
      elsewhere={(d) => {
        const file = d.path !== undefined && fileNames.has(d.path) ? d.path : undefined;
        if (!file) return undefined;
        const line = shownLine(d);
        return {
          where: (
            <>
              <code>{file}</code>
              {line !== undefined && `, line ${line}`}
            </>
          ),
          action: (
            <button type="button" class="link-button" onClick={() => onShowFile(file)}>
              Show <span class="sr-only">{file}</span>
            </button>
          ),
        };
      }}
    />
  );
}
