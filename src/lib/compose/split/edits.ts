/**
 * Text edits on the pasted file: the splitter replaces only the scalars it moves and inserts only the lines it adds, so
 * every other byte (comments, order, quoting, blank lines, line endings) stays as written.
 */
import type { Scalar } from 'yaml';
import { inlineSourceOffset } from './inline';
import type { Context, Edit, Group, InlineValue } from './types';

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
};

/** A YAML double-quoted scalar. */
export function yamlDoubleQuoted(text: string): string {
  const body = text.replace(/[\\"\p{Cc}\u2028\u2029]/gu, (character) => {
    return DOUBLE_QUOTED_ESCAPES[character] ?? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/**
 * A required-variable reference: Compose stops with "set NAME in .env" while the variable is unset or empty
 * (the `:?` form; compose-go v2.13.0 template/template.go,
 * https://github.com/compose-spec/compose-go/blob/v2.13.0/template/template.go).
 */
export function reference(name: string): string {
  return `\${${name}:?set ${name} in .env}`;
}

/** The replaced span of a scalar: block scalars keep their final line break(s); a header comment is carried over. */
function scalarSpan(ctx: Context, node: Scalar): { start: number; end: number; suffix: string } {
  const [start = 0, end = 0] = node.range ?? [];
  if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return { start, end, suffix: '' };
  let contentEnd = end;
  while (contentEnd > start && (ctx.src[contentEnd - 1] === '\n' || ctx.src[contentEnd - 1] === '\r')) contentEnd--;
  const headerEnd = ctx.src.indexOf('\n', start);
  const header = ctx.src.slice(start, headerEnd < 0 ? contentEnd : headerEnd);
  const hash = header.search(/\s#/);
  return { start, end: contentEnd, suffix: hash < 0 ? '' : header.slice(hash).replace(/\r$/, '') };
}

/** Replaces a whole scalar (its quotes included) with `text`. */
export function replaceScalar(ctx: Context, node: Scalar, text: string): void {
  const span = scalarSpan(ctx, node);
  ctx.edits.push({ start: span.start, end: span.end, text: text + span.suffix });
}

/** A list-form `KEY=value` item, plain when that is unambiguous YAML, else double-quoted. */
export function listItemText(node: Scalar, key: string, value: string): string {
  const text = `${key.replaceAll('$', '$$$$')}=${value}`;
  const safePlain = node.type === 'PLAIN' && /^[A-Za-z_][A-Za-z0-9_.-]*=\/[A-Za-z0-9_./-]+$/.test(text);
  return safePlain ? text : yamlDoubleQuoted(text);
}

/** Applies non-overlapping edits in one pass (an insertion at the end of a replaced span goes after the replacement). */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((left, right) => left.start - right.start || left.end - right.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue; // never happens for the edits built here; skipping keeps the text intact if it did
    parts.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/**
 * Replaces the inline values of the moved groups with their variable: inside the scalar's text when it is written
 * without escapes (so the rest of the line stays as written), else by rewriting the scalar double-quoted.
 */
export function replaceInlineValues(ctx: Context, groups: readonly Group[]): void {
  const byNode = new Map<Scalar, { inline: InlineValue; name: string }[]>();
  for (const group of groups) {
    for (const inline of group.inline)
      byNode.set(inline.node, [...(byNode.get(inline.node) ?? []), { inline, name: group.name }]);
  }
  for (const [node, replacements] of byNode) {
    const ordered = replacements.sort((left, right) => left.inline.start - right.inline.start);
    const kept = ordered.filter((item, index) => index === 0 || item.inline.start >= (ordered[index - 1]?.inline.end ?? 0));
    const first = kept[0];
    if (!first) continue;
    const base = inlineSourceOffset(ctx, first.inline);
    if (base !== undefined) {
      for (const { inline, name } of kept)
        ctx.edits.push({ start: base + inline.start, end: base + inline.end, text: reference(name) });
      continue;
    }
    const text = String(node.value);
    let rewritten = '';
    let at = 0;
    for (const { inline, name } of kept) {
      rewritten += text.slice(at, inline.start) + reference(name);
      at = inline.end;
    }
    replaceScalar(ctx, node, yamlDoubleQuoted(rewritten + text.slice(at)));
  }
}
