/**
 * Compose's variable interpolation, written from the behaviour of compose-go's `template` package (v2.13):
 * `$$`, `$NAME`, `${NAME}`, `${NAME:-d}`, `${NAME-d}`, `${NAME:?e}`, `${NAME?e}`, `${NAME:+a}`, `${NAME+a}`, nesting.
 */
import { goQuote } from '../core/quote';

/** A variable lookup: the value, or undefined when the variable is not set. */
export type Lookup = (name: string) => string | undefined;

/** Raised for Compose's two failure cases: an invalid `${…}` form, and a `:?`/`?` variable without a value. */
export class InterpolationError extends Error {
  /** `invalid-template` (Compose: "invalid interpolation format") or `missing-required` (`:?` / `?`). */
  readonly kind: 'invalid-template' | 'missing-required';
  /** The text that failed (for `invalid-template`: the innermost template, as Compose reports it). */
  readonly template: string;
  /** The variable name of a `missing-required` failure. */
  readonly variable: string | undefined;
  /** The (interpolated) message written after `:?` / `?`. */
  readonly reason: string | undefined;

  constructor(
    kind: 'invalid-template' | 'missing-required',
    message: string,
    detail: { template: string; variable?: string; reason?: string },
  ) {
    super(message);
    this.name = 'InterpolationError';
    this.kind = kind;
    this.template = detail.template;
    this.variable = detail.variable;
    this.reason = detail.reason;
  }
}

/** Internal failure before it is worded for a caller. */
interface EngineFailure {
  kind: 'invalid-template' | 'missing-required';
  template: string;
  variable?: string;
  reason?: string;
}

class EngineError extends Error {
  readonly failure: EngineFailure;
  constructor(failure: EngineFailure) {
    super(failure.kind);
    this.failure = failure;
  }
}

// `\$` then: `$` (escaped) | a name | `{name[op…]}` | `{` (invalid). Go's `(?i)` folds like JS `iu`; Go's `.` is `[^\n]`.
const PATTERN_SOURCE = String.raw`\$(?:(\$)|([_a-z][_a-z0-9]*)|\{(?:([_a-z][_a-z0-9]*(?::?[-+?][^\n]*)?)\}|()))`;
const HEAD = new RegExp(PATTERN_SOURCE, 'iu');

const OPERATORS = [':?', '?', ':-', '-', ':+', '+'] as const;
type Operator = (typeof OPERATORS)[number];

/** The operator Compose applies: whichever appears first in the matched text. */
function pickOperator(match: string): Operator | undefined {
  let best: Operator | undefined;
  let bestIndex = Infinity;
  for (const op of OPERATORS) {
    const i = match.indexOf(op);
    if (i >= 0 && i < bestIndex) {
      best = op;
      bestIndex = i;
    }
  }
  return best;
}

/** Index of the `}` that closes the first `{`, counting nested `{` (the character after each `{` is skipped). */
function firstClosingBrace(s: string): number {
  let open = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (s[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** Applies a braced operator; undefined when the operator does not occur (plain `${NAME}`). */
function applyOperator(op: Operator | undefined, substitution: string, lookup: Lookup): string | undefined {
  if (!op || !substitution.includes(op)) return undefined;
  const [name, arg] = cut(substitution, op);
  const value = lookup(name);
  switch (op) {
    case ':?':
    case '?':
      if (value === undefined || (op === ':?' && value === '')) {
        throw new EngineError({
          kind: 'missing-required',
          template: substitution,
          variable: name,
          reason: substitute(arg, lookup),
        });
      }
      return value;
    case ':-':
    case '-':
      return value === undefined || (op === ':-' && value === '') ? substitute(arg, lookup) : value;
    default:
      return value !== undefined && (op === '+' || value !== '') ? substitute(arg, lookup) : (value ?? '');
  }
}

function replaceMatch(match: string, lookup: Lookup): string {
  const op = pickOperator(match);
  const close = firstClosingBrace(match);
  const head = close > -1 ? match.slice(0, close + 1) : match;
  const rest = close > -1 ? match.slice(close + 1) : '';
  const m = HEAD.exec(head);
  if (m?.[1]) return m[1];
  const named = m?.[2];
  const substitution = named || m?.[3];
  if (!substitution) throw new EngineError({ kind: 'invalid-template', template: '' });
  if (!named) {
    const value = applyOperator(op, substitution, lookup);
    if (value !== undefined) return value + substitute(rest, lookup);
  }
  return lookup(substitution) ?? '';
}

/** One level of Compose's substitution; failures carry the template they occurred in. */
function substitute(template: string, lookup: Lookup): string {
  if (!template.includes('$')) return template;
  let failure: EngineError | undefined;
  const out = template.replace(new RegExp(PATTERN_SOURCE, 'giu'), (match) => {
    try {
      return replaceMatch(match, lookup);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      if (e.failure.kind === 'invalid-template' && e.failure.template === '') e.failure.template = template;
      failure ??= e;
      return '';
    }
  });
  if (failure) throw failure;
  return out;
}

/** Go's `%q` quoting of a string, where Compose prints `%#v` / `%q`: the one implementation, in src/lib/core/quote.ts. */
export { goQuote };

function engineMessage(f: EngineFailure): string {
  if (f.kind === 'invalid-template') return `Invalid template: ${goQuote(f.template)}`;
  return f.reason
    ? `required variable ${f.variable} is missing a value: ${f.reason}`
    : `required variable ${f.variable} is missing a value`;
}

/** Runs the engine with Go-worded errors (`Invalid template: "…"`, `required variable X is missing a value: …`), as the `.env` reader reports them. */
export function substituteRaw(template: string, lookup: Lookup): string {
  try {
    return substitute(template, lookup);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    throw new InterpolationError(e.failure.kind, engineMessage(e.failure), e.failure);
  }
}

/**
 * Compose's interpolation of one YAML string value. Throws InterpolationError worded as `docker compose` prints it:
 * "invalid interpolation format for <path>. You may need to escape any $ with another $." or
 * "required variable NAME is missing a value: <message>" (prefixed "error while interpolating <path>: " when a path is given).
 */
export function interpolate(template: string, env: Record<string, string>, path?: string): string {
  const lookup: Lookup = (name) => (Object.hasOwn(env, name) ? env[name] : undefined);
  try {
    return substitute(template, lookup);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    const f = e.failure;
    const message =
      f.kind === 'invalid-template'
        ? `invalid interpolation format for ${path ?? goQuote(f.template)}. You may need to escape any $ with another $.`
        : (path ? `error while interpolating ${path}: ` : '') + engineMessage(f);
    throw new InterpolationError(f.kind, message, f);
  }
}

/** What a value means to Compose without any variables: its literal text, or the variables it depends on, or why it is invalid. */
export interface TemplateAnalysis {
  /** The value Compose produces when the text refers to no variable (`$$` already turned into `$`). */
  literal: string | undefined;
  /** Variables the text refers to (set or not). */
  references: string[];
  /** Set when Compose rejects the text ("invalid interpolation format"). */
  invalid: boolean;
}

export function analyzeTemplate(text: string): TemplateAnalysis {
  const references: string[] = [];
  const lookup: Lookup = (name) => {
    if (!references.includes(name)) references.push(name);
    return undefined;
  };
  try {
    const out = substitute(text, lookup);
    return { literal: references.length ? undefined : out, references, invalid: false };
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    return { literal: undefined, references, invalid: e.failure.kind === 'invalid-template' };
  }
}
