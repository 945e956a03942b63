/**
 * splitCompose: moves secret `environment:` values out of a compose file into `.env` (or Docker secrets), editing only the
 * scalars it moves so every other byte of the pasted file stays as it was.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { error, info, sortDiagnostics, warning, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../core';
import { detectSecret, type DetectionRule } from './detect';
import { emptyInput, isEmptyInput } from './empty';
import { encodeDotenvValue } from './dotenv';
import { fileVariant, imageRepository } from './images';
import { ComposeModel, type EnvEntry, type ServiceInfo } from './model';
import { assignNames, toVariableName } from './names';

export interface SplitOptions {
  /** Finding id → move (true) or keep inline (false). Ids not listed follow detection (secrets move, the rest stay). */
  move?: Record<string, boolean>;
  /** `env`: reference `.env` variables; `secrets`: Docker secrets + `*_FILE` where the image supports it. */
  mode?: 'env' | 'secrets';
  /** Secrets mode: read each secret from a `.env` variable (Compose ≥ 2.6.0) or from a file under `secrets/`. */
  secretSource?: 'environment' | 'file';
  /** Name of the compose file in the output. */
  composeFileName?: string;
}

export const defaultSplitOptions: Readonly<Required<SplitOptions>> = Object.freeze({
  move: {},
  mode: 'env',
  secretSource: 'environment',
  composeFileName: 'compose.yaml',
});

export interface Finding {
  /** Stable id (the value's place in the file); use it as the key in `SplitOptions.move`. */
  id: string;
  key: string;
  services: string[];
  form: 'map' | 'list';
  /** True when detection flags the value as a secret (moved by default). */
  secret: boolean;
  rule: DetectionRule | undefined;
  /** Why it is (or is not) treated as a secret; never contains the value. */
  reason: string;
  /** False when the value cannot be moved (it refers to variables, is empty, invalid…). */
  movable: boolean;
  line: number;
  column: number;
  /** Source offsets of the value's scalar, for highlighting. */
  range: [number, number];
}

/** Larger pastes are refused with a message instead of freezing the page. */
export const MAX_INPUT_CHARS = 1_048_576;

/** Offset of the first character YAML forbids and text never holds (C0 controls except tab/CR/LF, DEL, U+FFFE/FFFF), or -1. */
function firstControlChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}

interface Parsed {
  model: ComposeModel | undefined;
  lines: LineCounter;
  diagnostics: Diagnostic[];
}

function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

function offsetPosition(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const YAML_CODES: Record<string, string> = { TAB_AS_INDENT: 'yaml-tab-indent' };

function checkInput(source: string): Diagnostic[] {
  if (source.length > MAX_INPUT_CHARS) {
    const mb = (source.length / 1_048_576).toFixed(1);
    return [
      error(
        'input-too-large',
        `The pasted text is ${mb} MB; the splitter reads compose files up to 1 MB. Paste only the compose file.`,
      ),
    ];
  }
  const bad = firstControlChar(source);
  if (bad >= 0) {
    const at = offsetPosition(source, bad);
    const code = source.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
    return [
      error(
        'not-text',
        `Line ${at.line}, column ${at.column} holds the control character U+${code}; this looks like binary data, not a compose file.`,
        at,
      ),
    ];
  }
  if (isEmptyInput(source)) return [emptyInput()];
  return [];
}

function parseCompose(source: string): Parsed {
  const lines = new LineCounter();
  const early = checkInput(source);
  if (early.length) return { model: undefined, lines, diagnostics: early };
  // Merge keys and duplicate keys are handled by ComposeModel (the yaml package's own checks cost a third of the time).
  const doc = parseDocument(source, { prettyErrors: false, lineCounter: lines, uniqueKeys: false });
  const diagnostics = doc.errors.map((e) => {
    const at = position(lines, e.pos[0]);
    const code = YAML_CODES[e.code] ?? 'yaml-syntax';
    return error(code, `YAML error at line ${at.line}, column ${at.column}: ${e.message}.`, at);
  });
  if (doc.errors.length) return { model: undefined, lines, diagnostics };
  const structural = checkStructure(doc);
  if (structural) return { model: undefined, lines, diagnostics: [structural] };
  const model = new ComposeModel(doc, source);
  for (const d of model.duplicateKeys) {
    const at = position(lines, d.node.range?.[0] ?? 0);
    diagnostics.push(
      error(
        'yaml-duplicate-key',
        `YAML error at line ${at.line}, column ${at.column}: the key ${d.key} appears twice in the same mapping; Compose refuses the file.`,
        at,
      ),
    );
  }
  model.read();
  return { model, lines, diagnostics };
}

function checkStructure(doc: Document): Diagnostic | undefined {
  const root = doc.contents;
  if (!isMap(root)) {
    return error(
      'not-compose',
      'This is not a compose file: the top level must be a mapping of keys such as services:, volumes: and networks:.',
    );
  }
  const raw = root.get('services', true);
  if (raw === undefined)
    return error('no-services', 'This YAML has no services: section, so it is not a compose file (or only a fragment of one).');
  const services = isAlias(raw) ? raw.resolve(doc) : raw;
  if (!isMap(services)) {
    return error('services-not-map', 'services: must be a mapping of service names to their settings.', { path: 'services' });
  }
  return undefined;
}

/** Whether an entry can be moved, and why not. */
function blocker(e: EnvEntry): string | undefined {
  if (e.unmovable) return e.unmovable;
  if (e.invalid) return 'Compose rejects the value (invalid interpolation format).';
  if (e.references.length) return 'The value already refers to variables, so it is taken from the shell or .env.';
  if (e.intended === undefined || e.current === undefined) return 'The value is not a plain string.';
  if (e.intended === '') return 'The value is empty.';
  return undefined;
}

function findingOf(e: EnvEntry, lines: LineCounter): Finding {
  const why = blocker(e);
  const detection = why ? undefined : e.usages.map((u) => detectSecret(u.key, e.intended ?? '')).find((d) => d !== undefined);
  const start = e.node.range?.[0] ?? 0;
  return {
    id: e.id,
    key: e.key,
    services: [...new Set(e.usages.map((u) => u.service))],
    form: e.form,
    secret: detection !== undefined,
    rule: detection?.rule,
    reason: why ?? detection?.reason ?? 'Nothing in the key name or the value marks it as a secret.',
    movable: why === undefined,
    ...position(lines, start),
    range: [start, e.node.range?.[1] ?? start],
  };
}

/**
 * Lists the environment values of every service with the secret-detection verdict and its reason, for toggles in a UI.
 * By default only detected secrets; `{ all: true }` lists every environment entry (including those that cannot move).
 */
export function findSecrets(source: string, options: { all?: boolean } = {}): Finding[] {
  const { model, lines } = parseCompose(source);
  if (!model) return [];
  const findings = model.entries.map((e) => findingOf(e, lines));
  return options.all ? findings : findings.filter((f) => f.secret);
}

// ---------------------------------------------------------------------------------------------------------------------

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Group {
  name: string;
  key: string;
  value: string;
  entries: EnvEntry[];
  findings: Finding[];
  /** Secrets mode: the secret's name, when every entry could be switched to a `*_FILE` variable. */
  secret: string | undefined;
}

interface Context {
  src: string;
  nl: string;
  model: ComposeModel;
  lines: LineCounter;
  options: Required<SplitOptions>;
  diagnostics: Diagnostic[];
  edits: Edit[];
}

const DQ_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

/** A YAML double-quoted scalar. */
export function yamlDoubleQuoted(s: string): string {
  const body = s.replace(/[\\"\p{Cc}\u2028\u2029]/gu, (ch) => {
    return DQ_ESCAPES[ch] ?? `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

function reference(name: string): string {
  return `\${${name}:?set ${name} in .env}`;
}

/** The replaced span of a scalar: block scalars keep their final line break(s); a header comment is carried over. */
function scalarSpan(ctx: Context, node: Scalar): { start: number; end: number; suffix: string } {
  const [start = 0, end = 0] = node.range ?? [];
  if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return { start, end, suffix: '' };
  let e = end;
  while (e > start && (ctx.src[e - 1] === '\n' || ctx.src[e - 1] === '\r')) e--;
  const header = ctx.src.slice(start, ctx.src.indexOf('\n', start) < 0 ? e : ctx.src.indexOf('\n', start));
  const hash = header.search(/\s#/);
  return { start, end: e, suffix: hash < 0 ? '' : header.slice(hash).replace(/\r$/, '') };
}

function replaceScalar(ctx: Context, node: Scalar, text: string): void {
  const span = scalarSpan(ctx, node);
  ctx.edits.push({ start: span.start, end: span.end, text: text + span.suffix });
}

function listItemText(node: Scalar, key: string, value: string): string {
  const text = `${key.replaceAll('$', '$$$$')}=${value}`;
  return node.type === 'PLAIN' && /^[A-Za-z_][A-Za-z0-9_.-]*=\/[A-Za-z0-9_./-]+$/.test(text) ? text : yamlDoubleQuoted(text);
}

function moveToEnv(ctx: Context, group: Group): void {
  for (const e of group.entries) {
    if (e.form === 'map') replaceScalar(ctx, e.node, yamlDoubleQuoted(reference(group.name)));
    else replaceScalar(ctx, e.node, yamlDoubleQuoted(`${e.key.replaceAll('$', '$$$$')}=${reference(group.name)}`));
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Secrets mode

function lineIndent(src: string, offset: number): string | undefined {
  const lineStart = src.lastIndexOf('\n', offset - 1) + 1;
  const indent = src.slice(lineStart, offset);
  return /^ *$/.test(indent) ? indent : undefined;
}

/** Where to insert text after a block collection: before the line break that ends its last value. */
function insertionPoint(src: string, end: number): number {
  if (src[end - 1] === '\n') return src[end - 2] === '\r' ? end - 2 : end - 1;
  const nl = src.indexOf('\n', end);
  if (nl < 0) return src.length;
  return src[nl - 1] === '\r' ? nl - 1 : nl;
}

function indentStep(ctx: Context): string {
  const root = ctx.model.doc.contents;
  if (!isMap(root)) return '  ';
  const services = root.items.find((p) => ctx.model.keyString(p.key) === 'services')?.value;
  const first = isMap(services) ? services.items[0]?.key : undefined;
  const indent = isScalar(first) && first.range ? lineIndent(ctx.src, first.range[0]) : undefined;
  return indent && indent.length > 0 ? indent : '  ';
}

/** Why an entry cannot become a `*_FILE` variable, or the variable's key per service. */
function fileVariantBlocker(ctx: Context, e: EnvEntry): string | undefined {
  const usage = e.usages[0];
  const service = ctx.model.services.find((s) => s.name === usage?.service);
  if (!usage || !service) return 'The value is not in a service.';
  if (e.usages.length > 1 || !e.id.startsWith(`services.${service.name}.`)) {
    return `${e.key} is written in an anchor (${e.id}), which a file variable could change for other services, so it stays a .env variable.`;
  }
  if (!service.ownMap || service.ownMap.flow)
    return `Service ${service.name} is written as an alias or on one line, so it stays a .env variable.`;
  const variant = fileVariant(service.image, usage.key);
  if (!variant)
    return `The image of ${service.name} (${service.image ?? 'built locally'}) is not known to read ${usage.key}_FILE, so it stays a .env variable.`;
  const siblings = ctx.model.entries.filter((x) => x.usages.some((u) => u.service === service.name && u.key === variant.key));
  if (siblings.length)
    return `${service.name} already sets ${variant.key}; the image refuses both, so ${usage.key} stays a .env variable.`;
  return undefined;
}

function serviceSecretsBlocker(service: ServiceInfo, model: ComposeModel): string | undefined {
  const own = service.ownMap;
  if (!own) return 'alias';
  const pair = own.items.find((p) => model.keyString(p.key) === 'secrets');
  if (pair)
    return isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0
      ? undefined
      : 'its secrets: list is not a block list';
  if (model.pairsOf(own).has('secrets')) return 'its secrets: come from a merge key';
  return undefined;
}

function topSecretsBlocker(ctx: Context): string | undefined {
  const root = ctx.model.doc.contents as YAMLMap;
  if (root.flow) return 'the file is written in flow style';
  if (/^\.\.\.[ \t]*\r?$/m.test(ctx.src)) return 'the file has a document end marker (...)';
  const pair = root.items.find((p) => ctx.model.keyString(p.key) === 'secrets');
  if (!pair) return undefined;
  return isMap(pair.value) && !pair.value.flow && pair.value.items.length > 0
    ? undefined
    : 'its top-level secrets: is not a block mapping';
}

function existingSecretNames(ctx: Context): Set<string> {
  const root = ctx.model.doc.contents as YAMLMap;
  const pair = root.items.find((p) => ctx.model.keyString(p.key) === 'secrets');
  return new Set(isMap(pair?.value) ? pair.value.items.map((p) => ctx.model.keyString(p.key)) : []);
}

function switchToFile(ctx: Context, group: Group, secret: string): void {
  for (const e of group.entries) {
    const usage = e.usages[0];
    const service = ctx.model.services.find((s) => s.name === usage?.service);
    const variant = fileVariant(service?.image, usage?.key ?? '');
    if (!variant) continue;
    if (e.form === 'map' && e.keyNode) {
      replaceScalar(ctx, e.keyNode, variant.key);
      replaceScalar(ctx, e.node, `/run/secrets/${secret}`);
    } else {
      replaceScalar(ctx, e.node, listItemText(e.node, variant.key, `/run/secrets/${secret}`));
    }
  }
}

function addServiceSecrets(ctx: Context, service: ServiceInfo, names: string[], step: string): void {
  const own = service.ownMap;
  if (!own) return;
  const pair = own.items.find((p) => ctx.model.keyString(p.key) === 'secrets');
  if (pair && isSeq(pair.value)) {
    const last = pair.value.items[pair.value.items.length - 1] as Node;
    const start = last.range?.[0] ?? 0;
    const lineStart = ctx.src.lastIndexOf('\n', start - 1) + 1;
    const dash = ctx.src.slice(lineStart, start).replace(/-.*$/, '');
    const at = insertionPoint(ctx.src, last.range?.[1] ?? start);
    ctx.edits.push({ start: at, end: at, text: names.map((n) => `${ctx.nl}${dash}- ${n}`).join('') });
    return;
  }
  const firstKey = own.items[0]?.key as Node | undefined;
  const indent = lineIndent(ctx.src, firstKey?.range?.[0] ?? 0) ?? step;
  const at = insertionPoint(ctx.src, own.range?.[1] ?? ctx.src.length);
  const items = names.map((n) => `${ctx.nl}${indent}${step}- ${n}`).join('');
  ctx.edits.push({ start: at, end: at, text: `${ctx.nl}${indent}secrets:${items}` });
}

function addTopSecrets(ctx: Context, groups: Group[], step: string): void {
  const source = ctx.options.secretSource;
  const body = (g: Group, indent: string) =>
    `${ctx.nl}${indent}${g.secret}:${ctx.nl}${indent}${step}` +
    (source === 'file' ? `file: ./secrets/${g.secret}` : `environment: ${g.name}`);
  const root = ctx.model.doc.contents as YAMLMap;
  const pair = root.items.find((p) => ctx.model.keyString(p.key) === 'secrets');
  if (pair && isMap(pair.value)) {
    const firstKey = pair.value.items[0]?.key as Node | undefined;
    const indent = lineIndent(ctx.src, firstKey?.range?.[0] ?? 0) ?? step;
    const at = insertionPoint(ctx.src, pair.value.range?.[1] ?? ctx.src.length);
    ctx.edits.push({ start: at, end: at, text: groups.map((g) => body(g, indent)).join('') });
    return;
  }
  const lead = ctx.src.endsWith('\n') ? '' : ctx.nl;
  ctx.edits.push({
    start: ctx.src.length,
    end: ctx.src.length,
    text: `${lead}${ctx.nl}secrets:${groups.map((g) => body(g, step)).join('')}${ctx.nl}`,
  });
}

function applySecretsMode(ctx: Context, groups: Group[]): void {
  const top = topSecretsBlocker(ctx);
  const taken = existingSecretNames(ctx);
  const perService = new Map<string, string[]>();
  for (const g of groups) {
    const why = top
      ? `Docker secrets are not added because ${top}.`
      : g.entries.map((e) => fileVariantBlocker(ctx, e)).find((w) => w !== undefined);
    const services = g.entries.map((e) => ctx.model.services.find((s) => s.name === e.usages[0]?.service));
    const serviceWhy =
      why ?? services.map((s) => (s ? serviceSecretsBlocker(s, ctx.model) : 'missing')).find((w) => w !== undefined);
    if (why || serviceWhy) {
      const message =
        why ??
        `Service ${services[0]?.name ?? ''} cannot get a secrets: entry (${serviceWhy}), so ${g.key} stays a .env variable.`;
      ctx.diagnostics.push(info('secrets-fallback', message, { path: g.entries[0]?.id }));
      moveToEnv(ctx, g);
      continue;
    }
    let name = g.name.toLowerCase();
    for (let i = 2; taken.has(name); i++) name = `${g.name.toLowerCase()}_${i}`;
    taken.add(name);
    g.secret = name;
    switchToFile(ctx, g, name);
    for (const s of services) if (s) perService.set(s.name, [...(perService.get(s.name) ?? []), name]);
  }
  const step = indentStep(ctx);
  for (const [serviceName, names] of perService) {
    const service = ctx.model.services.find((s) => s.name === serviceName);
    if (service) addServiceSecrets(ctx, service, [...new Set(names)], step);
  }
  const secretGroups = groups.filter((g) => g.secret);
  if (secretGroups.length) addTopSecrets(ctx, secretGroups, step);
}

// ---------------------------------------------------------------------------------------------------------------------
// Diagnostics about the pasted file

function entryAt(ctx: Context, e: EnvEntry): { line: number; column: number; path: string } {
  return { ...position(ctx.lines, e.node.range?.[0] ?? 0), path: e.id };
}

function composePath(e: EnvEntry): string {
  const u = e.usages[0];
  return e.form === 'map' ? `services.${u?.service}.environment.${u?.key}` : `services.${u?.service}.environment.[]`;
}

const YES_NO = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function entryDiagnostics(ctx: Context, e: EnvEntry): void {
  const at = entryAt(ctx, e);
  const key = e.key;
  if (e.invalid) {
    ctx.diagnostics.push(
      error(
        'invalid-interpolation',
        `invalid interpolation format for ${composePath(e)}. You may need to escape any $ with another $. (Compose refuses the file: write $$ for a literal $.)`,
        at,
      ),
    );
  } else if (e.references.length && typeof e.node.value === 'string') {
    const bare = /\$[A-Za-z_]/.test(e.node.value.replaceAll('$$', ''));
    if (!bare) {
      ctx.diagnostics.push(
        info(
          'value-from-variable',
          `${key} already takes its value from ${e.references.map((n) => `\${${n}}`).join(', ')}; it stays as it is.`,
          at,
        ),
      );
    } else {
      ctx.diagnostics.push(
        warning(
          'value-interpolated',
          `The value of ${key} contains a $ that Compose reads as a variable reference, so part of it is replaced (by an empty string when the variable is unset). If the $ is part of the value, write $$; the value is left where it is.`,
          at,
        ),
      );
    }
  }
  if (e.retyped) {
    const kind = e.retyped.type === 'bool' ? 'a boolean' : 'a number';
    ctx.diagnostics.push(
      warning(
        'yaml-retyped',
        `Compose reads the unquoted value of ${key} as ${kind}, so the container gets a different text than written (for example 0123 becomes 83 and 1e3 becomes 1000). Moving it to .env, or quoting it, passes the text exactly as written.`,
        at,
      ),
    );
  } else if (e.form === 'map' && e.node.type === 'PLAIN' && typeof e.node.value === 'string' && YES_NO.test(e.node.value)) {
    ctx.diagnostics.push(
      info(
        'yaml-yes-no',
        `${key} is an unquoted ${e.node.value}: Compose v2 passes it as text, but YAML 1.1 tools (Compose v1, some linters) read it as a boolean. Quote it.`,
        {
          ...at,
          fix: `"${e.node.value}"`,
        },
      ),
    );
  }
  if (e.form === 'list' && e.current !== undefined && /^(".*"|'.*')$/s.test(e.current)) {
    ctx.diagnostics.push(
      warning(
        'list-quoted-value',
        `In list form the quotes around the value of ${key} are part of the value the container gets (- KEY="x" passes "x" with its quotes).`,
        at,
      ),
    );
  }
  if (e.form === 'list' && key !== key.trimEnd()) {
    ctx.diagnostics.push(error('env-key-trailing-space', `environment variable ${key} is declared with a trailing space`, at));
  }
}

function fileDiagnostics(ctx: Context, existing: Set<string>): void {
  for (const e of ctx.model.entries) entryDiagnostics(ctx, e);
  for (const d of ctx.model.listDuplicates) {
    const at = position(ctx.lines, d.node.range?.[0] ?? 0);
    ctx.diagnostics.push(
      warning(
        'duplicate-env-key',
        `${d.key} is listed more than once in the environment of ${d.service}; Compose keeps the last one.`,
        at,
      ),
    );
  }
  for (const b of ctx.model.badValues) {
    const at = position(ctx.lines, b.node.range?.[0] ?? 0);
    ctx.diagnostics.push(
      warning(
        'env-value-not-scalar',
        `${b.key} in ${b.service} has a list or mapping as its value; Compose accepts only text, numbers, booleans or nothing.`,
        at,
      ),
    );
  }
  for (const s of ctx.model.services) {
    if (!s.envFile) continue;
    const at = position(ctx.lines, s.envFile.range?.[0] ?? 0);
    const loadsDotEnv = /(^|[\s/"'[,])\.env(["'\],\s]|$)/m.test(
      ctx.src.slice(s.envFile.range?.[0] ?? 0, s.envFile.range?.[1] ?? 0),
    );
    ctx.diagnostics.push(
      loadsDotEnv
        ? warning(
            'env-file-dotenv',
            `${s.name} loads .env with env_file:, so every variable in .env (including the moved secrets of other services) reaches its container. Consider removing that env_file: line.`,
            at,
          )
        : info(
            'env-file-present',
            `${s.name} also reads variables from env_file:; values in those files are not checked here.`,
            at,
          ),
    );
  }
  if (existing.size) {
    ctx.diagnostics.push(
      info(
        'existing-variables',
        `The file already uses ${[...existing].map((n) => `\${${n}}`).join(', ')}. If you have a .env for them, add the new lines to it instead of replacing it: Compose reads only one .env.`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Output files

/** Applies non-overlapping edits in one pass (an insertion at the end of a replaced span goes after the replacement). */
function applyEdits(src: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // never happens for the edits built here; skipping keeps the text intact if it did
    parts.push(src.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(src.slice(at));
  return parts.join('');
}

function usageLabel(g: Group): string {
  const pairs = g.entries.flatMap((e) => e.usages.map((u) => `${u.service}: ${u.key}`));
  return [...new Set(pairs)].join(', ');
}

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

function renderFiles(ctx: Context, groups: Group[], output: string): GeneratedFile[] {
  const file = ctx.options.composeFileName;
  const fileSecrets = ctx.options.mode === 'secrets' && ctx.options.secretSource === 'file' ? groups.filter((g) => g.secret) : [];
  const inEnv = groups.filter((g) => !fileSecrets.includes(g));
  const env = [
    `# Values moved out of ${file}. Keep this file private: it is listed in .gitignore.`,
    '# Single quotes make Compose read a value literally ($ and # included).',
  ];
  const example = ['# Copy to .env and fill in every value. Compose refuses to start while one is empty.'];
  for (const g of inEnv) {
    env.push(`# ${usageLabel(g)}`, `${g.name}=${encodeDotenvValue(g.value)}`);
    example.push(`# ${usageLabel(g)}. ${g.findings[0]?.reason ?? ''}`.trimEnd(), `${g.name}=`);
  }
  const ignore = ['# Real values stay out of git; .env.example is meant to be committed.', '.env', '!.env.example'];
  const files: GeneratedFile[] = [
    { name: file, language: 'yaml', content: output },
    { name: '.env', language: 'dotenv', content: env.join('\n') + '\n' },
    { name: '.env.example', language: 'dotenv', content: example.join('\n') + '\n' },
  ];
  if (fileSecrets.length) {
    ignore.push('secrets/', 'create-secrets.sh');
    const script = [
      '#!/bin/sh',
      `# Creates the secret files ${file} mounts. Run it once in the project directory, then delete it: it holds the values.`,
      'set -eu',
      'umask 077',
      'mkdir -p secrets',
      'chmod 700 secrets',
      ...fileSecrets.flatMap((g) => [
        `printf '%s' ${shellQuote(g.value)} > secrets/${g.secret}`,
        `chmod 444 secrets/${g.secret}`,
      ]),
    ];
    files.push({ name: 'create-secrets.sh', language: 'shell', content: script.join('\n') + '\n' });
  }
  files.splice(3, 0, { name: '.gitignore', language: 'gitignore', content: ignore.join('\n') + '\n' });
  return files;
}

function emptyResult(source: string, options: Required<SplitOptions>, diagnostics: Diagnostic[]): GeneratorResult {
  const note = '# Nothing was generated: fix the problems listed with the compose file first.\n';
  return {
    files: [
      { name: options.composeFileName, language: 'yaml', content: source },
      { name: '.env', language: 'dotenv', content: note },
      { name: '.env.example', language: 'dotenv', content: note },
      { name: '.gitignore', language: 'gitignore', content: '.env\n!.env.example\n' },
    ],
    diagnostics: sortDiagnostics(diagnostics),
  };
}

// ---------------------------------------------------------------------------------------------------------------------

function buildGroups(ctx: Context, chosen: { entry: EnvEntry; finding: Finding }[], existing: Set<string>): Group[] {
  const byKeyValue = new Map<string, Group>();
  for (const { entry, finding } of chosen) {
    const id = `${entry.key}\u0000${entry.intended ?? ''}`;
    const g = byKeyValue.get(id) ?? {
      name: '',
      key: entry.key,
      value: entry.intended ?? '',
      entries: [],
      findings: [],
      secret: undefined,
    };
    g.entries.push(entry);
    g.findings.push(finding);
    byKeyValue.set(id, g);
  }
  const groups = [...byKeyValue.values()];
  const perKey = new Map<string, number>();
  for (const g of groups) perKey.set(g.key, (perKey.get(g.key) ?? 0) + 1);
  const names = assignNames(
    groups.map((g) => ({
      key: g.key,
      service: g.entries[0]?.usages[0]?.service ?? 'app',
      needsPrefix: (perKey.get(g.key) ?? 0) > 1,
    })),
    existing,
  );
  groups.forEach((g, i) => (g.name = names[i] ?? g.key));
  for (const g of groups) {
    for (const e of g.entries) {
      const services = [...new Set(e.usages.map((u) => u.service))];
      if (services.length < 2) continue;
      ctx.diagnostics.push(
        info(
          'anchor-shared',
          `${e.key} is written once at ${e.id} and used by ${services.join(', ')}: the one edit there changes all of them.`,
          entryAt(ctx, e),
        ),
      );
    }
    const path = g.entries[0]?.id;
    if ((perKey.get(g.key) ?? 0) > 1) {
      ctx.diagnostics.push(
        info(
          'variable-per-service',
          `${g.key} holds different values in several services, so ${usageLabel(g)} gets its own variable ${g.name}.`,
          { path },
        ),
      );
    } else if (g.name === toVariableName(g.key) && g.name !== g.key) {
      ctx.diagnostics.push(
        info(
          'variable-normalized',
          `${g.key} is stored as ${g.name}: .env variable names here use upper-case letters, digits and _ only.`,
          { path },
        ),
      );
    } else if (g.name !== g.key) {
      ctx.diagnostics.push(
        info(
          'variable-renamed',
          `${g.key} is stored as ${g.name}: the plain name is reserved by Compose, Docker or the shell, or already used in the file.`,
          { path },
        ),
      );
    }
  }
  return groups;
}

const INIT_ONLY_IMAGES = new Set(['postgres', 'mariadb', 'mysql']);

/** Facts the user needs once: Compose version for environment secrets, the script to run, first-start-only database passwords. */
function noteOnce(ctx: Context, groups: Group[]): void {
  const secrets = groups.filter((g) => g.secret);
  if (secrets.length && ctx.options.secretSource === 'environment') {
    ctx.diagnostics.push(
      info(
        'secrets-need-compose-2-6',
        'Secrets read from .env variables (secrets: … environment:) need Docker Compose 2.6.0 or later.',
      ),
    );
  }
  if (secrets.length && ctx.options.secretSource === 'file') {
    ctx.diagnostics.push(
      info(
        'secrets-run-script',
        'Run create-secrets.sh once in the project directory to write the secret files, then delete it.',
      ),
    );
  }
  const databases = groups
    .flatMap((g) => g.entries.flatMap((e) => e.usages))
    .filter((u) => {
      const image = ctx.model.services.find((s) => s.name === u.service)?.image;
      return image !== undefined && INIT_ONLY_IMAGES.has(imageRepository(image));
    });
  for (const service of new Set(databases.map((u) => u.service))) {
    ctx.diagnostics.push(
      info(
        'database-password-first-start',
        `${service} applies its password only when its data directory is first created: moving it changes nothing for an existing database, and editing .env later does not change the password.`,
      ),
    );
  }
}

/**
 * Splits a compose file: secret environment values move to `.env` (or Docker secrets), the compose file keeps every other byte.
 * Never throws: problems become diagnostics, and the pasted text is returned unchanged when nothing can be generated.
 */
export function splitCompose(source: string, options: SplitOptions = {}): GeneratorResult {
  const { files, diagnostics } = splitWithFindings(source, options);
  return { files, diagnostics };
}

export interface SplitWithFindings extends GeneratorResult {
  /** Every environment entry, as `findSecrets(source, { all: true })` lists them. */
  findings: Finding[];
  /** False when the text could not be read as a compose file: the files then only hold the unchanged text and a note. */
  generated: boolean;
}

/**
 * `splitCompose` and `findSecrets(source, { all: true })` from one parse, for a UI that shows the toggles next to the
 * output while the user types. Never throws.
 */
export function splitWithFindings(source: string, options: SplitOptions = {}): SplitWithFindings {
  const opts: Required<SplitOptions> = { ...defaultSplitOptions, ...options, move: options.move ?? {} };
  try {
    return split(source, opts);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const result = emptyResult(source, opts, [
      error(
        'internal-error',
        `The splitter failed on this input (${message}). Your text is unchanged; please report the problem.`,
      ),
    ]);
    return { ...result, findings: [], generated: false };
  }
}

function split(source: string, options: Required<SplitOptions>): SplitWithFindings {
  const parsed = parseCompose(source);
  if (!parsed.model) return { ...emptyResult(source, options, parsed.diagnostics), findings: [], generated: false };
  const ctx: Context = {
    src: source,
    nl: source.includes('\r\n') ? '\r\n' : '\n',
    model: parsed.model,
    lines: parsed.lines,
    options,
    diagnostics: [...parsed.diagnostics],
    edits: [],
  };
  const existing = parsed.model.references;
  fileDiagnostics(ctx, existing);
  const all = parsed.model.entries.map((entry) => ({ entry, finding: findingOf(entry, ctx.lines) }));
  const chosen = all.filter(({ finding }) => finding.movable && (options.move[finding.id] ?? finding.secret));
  const groups = buildGroups(ctx, chosen, existing);
  if (options.mode === 'secrets') applySecretsMode(ctx, groups);
  else for (const g of groups) moveToEnv(ctx, g);
  noteOnce(ctx, groups);
  if (!groups.length)
    ctx.diagnostics.push(info('nothing-to-move', 'No value is selected to move; the compose file is unchanged.'));
  const output = applyEdits(source, ctx.edits);
  return {
    files: renderFiles(ctx, groups, output),
    diagnostics: sortDiagnostics(ctx.diagnostics),
    findings: all.map(({ finding }) => finding),
    generated: true,
  };
}
