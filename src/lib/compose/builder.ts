/**
 * The compose splitter as a builder spec (id `compose`: share-link parameter and storage key `builder:compose`), and
 * fixes applied to the pasted text on the reader's click.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { defineBuilder } from '../builders/spec';
import type { Diagnostic } from '../core';
import { COMPOSE_TARGET } from './facts';
import { splitWithFindings, type SplitWithFindings } from './split';
import {
  COMPOSE_DEFAULTS,
  COMPOSE_SCHEMA,
  MODE_CHOICES,
  SECRET_SOURCE_CHOICES,
  toComposeInput,
  type ComposeInput,
  type ComposeState,
} from './state';

/** The split with its findings (what the island shows beside the files); never throws. */
export function generateCompose(input: ComposeInput): SplitWithFindings {
  return splitWithFindings(input.source, input.options);
}

/** Offset of a 1-based line:column in the text, or undefined past its end. */
function offsetOf(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const lineBreak = text.indexOf('\n', offset);
    if (lineBreak < 0) return undefined;
    offset = lineBreak + 1;
  }
  const at = offset + column - 1;
  return at <= text.length ? at : undefined;
}

/**
 * The pasted text with a diagnostic's fix written over the scalar it points at (a port binding, a quoted yes/no).
 * Only on the reader's click; undefined when the diagnostic has no fix or the text changed since.
 */
export function applyComposeFix(state: ComposeState, diagnostic: Diagnostic): ComposeState | undefined {
  const { fix, line, column } = diagnostic;
  if (fix === undefined || line === undefined || column === undefined) return undefined;
  const source = state.composeSource;
  const offset = offsetOf(source, line, column);
  if (offset === undefined) return undefined;
  let span: [number, number] | undefined;
  visit(parseDocument(source, { uniqueKeys: false }), {
    Scalar(_key, node) {
      if (isScalar(node) && node.range?.[0] === offset) {
        span = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (!span) return undefined;
  return { ...state, composeSource: source.slice(0, span[0]) + fix + source.slice(span[1]) };
}

export const composeBuilder = defineBuilder<ComposeState, ComposeInput>({
  id: 'compose',
  title: 'Compose secrets splitter',
  schema: COMPOSE_SCHEMA,
  target: COMPOSE_TARGET,
  defaults: COMPOSE_DEFAULTS,
  toInput: toComposeInput,
  generate: generateCompose,
  choices: { mode: MODE_CHOICES, secretSource: SECRET_SOURCE_CHOICES },
  fields: (state) => new Set(['composeSource', 'mode', 'move', ...(state.mode === 'secrets' ? ['secretSource'] : [])]),
  applyFix: applyComposeFix,
});
