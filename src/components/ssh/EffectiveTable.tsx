import type { EffectiveResult } from '../../lib/ssh';

export interface EffectiveRow {
  keyword: string;
  lines: string[];
  /** Which file and line decided, or why the default applies. */
  decidedBy: string;
}

/** The values `sshd -T` prints for a set of files, each with the file and line that decided it. Layout only. */
export function effectiveRows(effective: EffectiveResult, keywords: readonly string[]): EffectiveRow[] {
  return keywords.map((keyword) => {
    const match = effective.fromMatch[keyword];
    const source = effective.sources[keyword];
    const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
    const decidedBy = match
      ? `Match block, ${fileName(match.path)} line ${match.line}`
      : source
        ? `${fileName(source.path)} line ${source.line}`
        : 'sshd’s built-in default';
    return { keyword, lines: effective.values[keyword] ?? [], decidedBy };
  });
}

export function EffectiveTable({ rows, caption, id }: { rows: EffectiveRow[]; caption: string; id: string }) {
  return (
    <div class="ssh-table-wrap" id={id}>
      <table class="ssh-effective">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Keyword</th>
            <th scope="col">sshd -T prints</th>
            <th scope="col">Decided by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-keyword={row.keyword}>
              <th scope="row">
                <code>{row.keyword}</code>
              </th>
              <td>
                {row.lines.length ? row.lines.map((line) => <code class="ssh-value">{line}</code>) : <em>(nothing: no list)</em>}
              </td>
              <td>{row.decidedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
