import type { Diagnostic, Severity } from '../../lib/core';
import { shownValue } from '../../lib/core/excerpt';

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * The diagnostics that point at one field, shown under it (give the field `aria-describedby={id}`). A diagnostic's
 * `fix` becomes an "Apply fix" button the user may press; the input itself is never changed without that press. No fix
 * is offered that equals the field's `current` value.
 */
export function FieldMessages({
  id,
  items,
  current,
  onFix,
}: {
  id: string;
  items: Diagnostic[];
  current?: string;
  onFix?: (fix: string, diagnostic: Diagnostic) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="field-messages" id={id}>
      {items.map((d) => (
        <li class={`field-message field-message-${d.severity}`} data-code={d.code}>
          <p>
            <strong>{SEVERITY_LABELS[d.severity]}:</strong> {d.message}
          </p>
          {onFix && d.fix !== undefined && d.fix !== current && (
            <p class="field-fix">
              <button type="button" data-fix={d.fix} onClick={() => onFix(d.fix!, d)}>
                Apply fix <span class="sr-only">({d.fix === '' ? 'clear the field' : `use ${shownValue(d.fix)}`})</span>
              </button>{' '}
              <span aria-hidden="true">
                → <code>{d.fix === '' ? '(empty)' : shownValue(d.fix)}</code>
              </span>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
