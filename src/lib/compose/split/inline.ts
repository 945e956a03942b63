/**
 * Secrets written inline outside `environment:` and `labels:`: in `command:`, `entrypoint:` and `healthcheck: test:`
 * (string or list form), and URLs with a password anywhere in a service. Compose interpolates every string value of
 * the file, not only the environment (compose-go v2.13.0 interpolation/interpolation.go lines 72–109,
 * https://github.com/compose-spec/compose-go/blob/v2.13.0/interpolation/interpolation.go#L72-L109), so such a value
 * can be replaced by `${VAR}` in place, provided the replaced text is literal (no `$` expression around it).
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { ComposeModel } from '../model';
import { toVariableName } from '../names';
import { commandSecrets, type CommandWord } from './commands';
import { position } from './parse';
import { isLiteralSpan, shellWords, valueSpan } from './shell-words';
import type { Context, Finding, FindingField, InlineValue } from './types';

export interface Place {
  service: string;
  field: FindingField;
  node: Scalar;
  inFlow: boolean;
  /** `list` for an item of a list-form command. */
  form: 'map' | 'list';
}

const COMMAND_FIELDS: Record<string, FindingField> = { command: 'command', entrypoint: 'entrypoint' };
/** Words of a command in string form (shell words) or list form (one word per item, plus the words of `sh -c` scripts). */
function commandWords(node: Node, inFlow: boolean, service: string, field: FindingField): (CommandWord & Place)[] {
  const place = (scalar: Scalar, flow: boolean, form: 'map' | 'list') => ({ service, field, node: scalar, inFlow: flow, form });
  if (isScalar(node) && typeof node.value === 'string') {
    const text = node.value;
    return shellWords(text).map((word) => ({ text: word.text, span: valueSpan(text, word), ...place(node, inFlow, 'map') }));
  }
  if (!isSeq(node)) return [];
  const words: (CommandWord & Place)[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const text = item.value;
    words.push({ text, span: { start: 0, end: text.length }, ...place(item, inFlow || node.flow === true, 'list') });
    if (/\s/.test(text)) {
      for (const word of shellWords(text))
        words.push({ text: word.text, span: valueSpan(text, word), ...place(item, inFlow || node.flow === true, 'list') });
    }
  }
  return words;
}

function resolve(model: ComposeModel, node: unknown): Node | undefined {
  return (model.resolve(node as Node) ?? undefined) as Node | undefined;
}

/** Every command-like value of every service, once per YAML node (an anchored command shared by services counts once). */
function commandsOf(model: ComposeModel): { node: Node; inFlow: boolean; services: string[]; field: FindingField }[] {
  const byNode = new Map<Node, { node: Node; inFlow: boolean; services: string[]; field: FindingField }>();
  const add = (node: Node | undefined, inFlow: boolean, service: string, field: FindingField) => {
    if (!node) return;
    const known = byNode.get(node);
    if (known) known.services.push(service);
    else byNode.set(node, { node, inFlow, services: [service], field });
  };
  for (const service of model.services) {
    if (!service.map) continue;
    const pairs = model.pairsOf(service.map);
    const flow = service.map.flow === true;
    for (const [key, field] of Object.entries(COMMAND_FIELDS))
      add(resolve(model, pairs.get(key)?.value), flow, service.name, field);
    const healthcheck = resolve(model, pairs.get('healthcheck')?.value);
    if (isMap(healthcheck)) {
      const test = resolve(model, model.pairsOf(healthcheck).get('test')?.value);
      add(test, flow || healthcheck.flow === true, service.name, 'healthcheck');
    }
  }
  return [...byNode.values()];
}

/** Every string scalar under the services that is not an environment or label entry, with its place. */
export function otherScalars(model: ComposeModel, skip: ReadonlySet<Scalar>): Place[] {
  const seen = new Set<Node>();
  const out: Place[] = [];
  const walk = (raw: unknown, service: string, field: FindingField, inFlow: boolean, depth: number) => {
    const node = resolve(model, raw);
    if (!node || seen.has(node) || depth > 64) return;
    seen.add(node);
    if (isScalar(node)) {
      if (typeof node.value === 'string' && !skip.has(node)) out.push({ service, field, node, inFlow, form: 'map' });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = model.keyString(pair.key);
        const childField = depth === 0 ? (COMMAND_FIELDS[key] ?? (key === 'healthcheck' ? 'healthcheck' : 'other')) : field;
        if (depth === 0 && (key === 'environment' || key === 'labels')) continue;
        walk(pair.value, service, childField, inFlow || node.flow === true, model.isMergeKey(pair) ? depth : depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, service, field, inFlow || node.flow === true, depth + 1);
    }
  };
  for (const service of model.services) if (service.map) walk(service.map, service.name, 'other', false, 0);
  return out;
}

/** Other string settings, each read as one word: only a URL password counts there (no options to read). */
function otherWords(model: ComposeModel): { services: string[]; field: FindingField; words: (CommandWord & Place)[] }[] {
  const entries = new Set(model.entries.map((entry) => entry.node));
  return otherScalars(model, entries)
    .filter((place) => place.field === 'other' && String(place.node.value).includes('://'))
    .map((place) => {
      const text = String(place.node.value);
      return { services: [place.service], field: place.field, words: [{ text, span: { start: 0, end: text.length }, ...place }] };
    });
}

/** Secrets found in commands and health checks, one per place (duplicates of one place get `#2`, `#3`…). */
export function findInlineSecrets(model: ComposeModel): InlineValue[] {
  const found: InlineValue[] = [];
  const ids = new Set<string>();
  const spans = new Set<string>();
  const commands = commandsOf(model).map((command) => ({
    ...command,
    words: commandWords(command.node, command.inFlow, command.services[0] ?? '', command.field),
  }));
  for (const command of [...commands, ...otherWords(model)]) {
    const words = command.words;
    const secrets = commandSecrets(words).filter((secret) => command.field !== 'other' || secret.rule === 'url-credentials');
    for (const secret of secrets) {
      const word = words[secret.word];
      if (!word?.span) continue;
      const text = String(word.node.value);
      const start = word.span.start + secret.start;
      const end = word.span.start + secret.end;
      if (!isLiteralSpan(text, start, end)) continue; // a $ expression: the value comes from a variable already
      const escaped = text.slice(word.span.start, word.span.end) !== word.text;
      const path = model.paths.get(word.node) ?? `services.${command.services[0]}.${command.field}`;
      const span = `${path}@${start}-${end}`;
      if (spans.has(span)) continue; // a list item and the shell words inside it can name the same text
      spans.add(span);
      let id = `${path}:${secret.label}`;
      for (let suffix = 2; ids.has(id); suffix++) id = `${path}:${secret.label}#${suffix}`;
      ids.add(id);
      found.push({
        id,
        field: command.field,
        services: [...new Set(command.services)],
        node: word.node,
        inFlow: word.inFlow,
        form: word.form,
        start,
        end,
        value: text.slice(start, end).replaceAll('$$', '$'),
        label: secret.label,
        variable: toVariableName(`${command.services[0] ?? 'app'}_${secret.variable}`),
        rule: secret.rule,
        reason: secret.reason,
        ...(escaped && {
          blocker:
            'It is written with shell quotes or backslashes inside the word, so it cannot be replaced in place: put ${VARIABLE} there by hand and the value in .env.',
        }),
      });
    }
  }
  return found;
}

/** Where an inline value's text starts in the pasted file, when its scalar is written without escapes. */
export function inlineSourceOffset(ctx: Pick<Context, 'src'>, inline: Pick<InlineValue, 'node' | 'inFlow'>): number | undefined {
  const [start = 0, end = 0] = inline.node.range ?? [];
  const raw = ctx.src.slice(start, end);
  const value = String(inline.node.value);
  if (inline.node.type === 'PLAIN' && !inline.inFlow && raw === value && !value.includes('\n')) return start;
  const quoted = inline.node.type === 'QUOTE_DOUBLE' || inline.node.type === 'QUOTE_SINGLE';
  if (quoted && raw.slice(1, -1) === value && !value.includes('\n')) return start + 1;
  return undefined;
}

export function inlineFinding(ctx: Pick<Context, 'src' | 'lines'>, inline: InlineValue): Finding {
  const base = inlineSourceOffset(ctx, inline);
  const start = base === undefined ? (inline.node.range?.[0] ?? 0) : base + inline.start;
  const end = base === undefined ? (inline.node.range?.[1] ?? start) : base + inline.end;
  return {
    id: inline.id,
    key: inline.label,
    field: inline.field,
    services: inline.services,
    form: inline.form,
    secret: true,
    rule: inline.rule,
    reason: inline.blocker ? `${inline.reason} ${inline.blocker}` : inline.reason,
    movable: inline.blocker === undefined,
    ...position(ctx.lines, start),
    range: [start, end],
  };
}
