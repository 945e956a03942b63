/** Findings: every environment value with the secret-detection verdict, whether it can move, and why. */
import type { LineCounter } from 'yaml';
import { detectSecret } from '../detect';
import type { EnvEntry } from '../model';
import type { ComposeModel } from '../model';
import { findInlineSecrets, inlineFinding } from './inline';
import { parseCompose, position } from './parse';
import type { Finding, InlineValue } from './types';

/** Why an entry cannot be moved, or undefined when it can. */
function blocker(entry: EnvEntry): string | undefined {
  if (entry.unmovable) return entry.unmovable;
  if (entry.invalid) return 'Compose rejects the value (invalid interpolation format).';
  if (entry.references.length) return 'The value already refers to variables, so it is taken from the shell or .env.';
  if (entry.intended === undefined || entry.current === undefined) return 'The value is not a plain string.';
  if (entry.intended === '') return 'The value is empty.';
  return undefined;
}

export function findingOf(entry: EnvEntry, lines: LineCounter): Finding {
  const why = blocker(entry);
  const detection = why
    ? undefined
    : entry.usages.map((usage) => detectSecret(usage.key, entry.intended ?? '')).find((found) => found !== undefined);
  const start = entry.node.range?.[0] ?? 0;
  return {
    id: entry.id,
    key: entry.key,
    field: entry.field,
    services: [...new Set(entry.usages.map((usage) => usage.service))],
    form: entry.form,
    secret: detection !== undefined,
    rule: detection?.rule,
    reason: why ?? detection?.reason ?? 'Nothing in the key name or the value marks it as a secret.',
    movable: why === undefined,
    ...position(lines, start),
    range: [start, entry.node.range?.[1] ?? start],
  };
}

/**
 * Lists the environment values of every service with the secret-detection verdict and its reason, for toggles in a UI.
 * By default only detected secrets; `{ all: true }` lists every environment entry (including those that cannot move).
 */
export function findSecrets(source: string, options: { all?: boolean } = {}): Finding[] {
  const { model, lines } = parseCompose(source);
  if (!model) return [];
  const { entries, inline } = readFindings(model, source, lines);
  const findings = [...entries, ...inline].map((item) => item.finding);
  return options.all ? findings : findings.filter((finding) => finding.secret);
}

export interface ReadFindings {
  /** Environment and label entries, in file order. */
  entries: { entry: EnvEntry; finding: Finding }[];
  /** Secrets inside commands, health checks and URLs, after the entries. */
  inline: { inline: InlineValue; finding: Finding }[];
}

/** Every finding of a parsed file, with the model object it stands for. */
export function readFindings(model: ComposeModel, source: string, lines: LineCounter): ReadFindings {
  return {
    entries: model.entries.map((entry) => ({ entry, finding: findingOf(entry, lines) })),
    inline: findInlineSecrets(model).map((inline) => ({ inline, finding: inlineFinding({ src: source, lines }, inline) })),
  };
}
