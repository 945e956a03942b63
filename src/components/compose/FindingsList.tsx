import { useState } from 'preact/hooks';
import { fieldWords, type Finding } from '../../lib/compose/split/types';

/** Rows rendered before "Show all": a 5,000-line file has over a thousand values, and each row costs render time. */
export const ROWS_SHOWN = 50;

interface ItemProps {
  finding: Finding;
  index: number;
  checked: boolean;
  onToggle: (finding: Finding, move: boolean) => void;
}

/** One value: key (or option), service(s), where, line and the reason — never the value itself. */
function FindingItem({ finding, index, checked, onToggle }: ItemProps) {
  const id = `cs-finding-${index}`;
  const where = finding.field === 'environment' ? '' : ` (${fieldWords(finding.field)})`;
  const name = (
    <span class="compose-finding-name">
      <code>{finding.key}</code> in {finding.services.join(', ')}
      {where} <span class="compose-finding-line">(line {finding.line})</span>
    </span>
  );
  if (!finding.movable) {
    return (
      <li class="compose-finding compose-finding-fixed" data-path={finding.id} tabIndex={-1}>
        <span>
          {name}
          <span class="compose-finding-reason">Stays in the compose file: {finding.reason}</span>
        </span>
      </li>
    );
  }
  return (
    <li class="compose-finding">
      <input
        type="checkbox"
        id={id}
        data-path={finding.id}
        checked={checked}
        onChange={(event) => onToggle(finding, (event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>
        {name}
        <span class="compose-finding-reason">{finding.reason}</span>
      </label>
    </li>
  );
}

interface ListProps {
  label: string;
  findings: readonly Finding[];
  /** Position of each finding among all findings, for stable element ids. */
  indexOf: ReadonlyMap<Finding, number>;
  isMoved: (finding: Finding) => boolean;
  onToggle: (finding: Finding, move: boolean) => void;
}

/** A list of findings, the first ROWS_SHOWN rendered until the reader asks for all. */
export function FindingsList({ label, findings, indexOf, isMoved, onToggle }: ListProps) {
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, ROWS_SHOWN);
  return (
    <>
      <ul class="compose-findings" aria-label={label}>
        {shown.map((finding) => (
          <FindingItem
            key={finding.id}
            finding={finding}
            index={indexOf.get(finding) ?? 0}
            checked={isMoved(finding)}
            onToggle={onToggle}
          />
        ))}
      </ul>
      {shown.length < findings.length && (
        <button type="button" class="link-button compose-show-all" onClick={() => setAll(true)}>
          Show all {findings.length} values
        </button>
      )}
    </>
  );
}
