/**
 * YAML read with positions, so a validator's field path (`rules[2].domain[0]`) can be turned back into the line of
 * the paste it came from.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigCheck } from '../types';

export interface PositionedYaml {
  doc: Document;
  lines: LineCounter;
  /** The document as plain data (aliases expanded, bounded). */
  value: unknown;
  /** YAML syntax errors, at their lines. */
  errors: ConfigCheck[];
}

export function readYaml(text: string): PositionedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const errors: ConfigCheck[] = doc.errors.slice(0, 5).map((problem) => {
    const at = lines.linePos(problem.pos[0]);
    return { severity: 'error', message: `YAML: ${problem.message.split('\n')[0]}`, line: at.line, column: at.col };
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    value = undefined;
  }
  return { doc, lines, value, errors };
}

/** `rules[2].domain[0]` → `['rules', 2, 'domain', 0]`. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/**
 * The 1-based line of the node at `segments`, or of its nearest ancestor that exists in the document (a missing key
 * points at the mapping that lacks it).
 */
export function lineOf(yaml: PositionedYaml, segments: readonly (string | number)[]): number | undefined {
  for (let length = segments.length; length >= 1; length--) {
    const node: unknown = yaml.doc.getIn(segments.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return yaml.lines.linePos(range[0]).line;
  }
  return undefined;
}
