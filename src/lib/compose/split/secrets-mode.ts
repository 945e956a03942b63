/**
 * Docker secrets mode: entries of images known to read `*_FILE` become `KEY_FILE: /run/secrets/<name>`, the service
 * gets a `secrets:` entry and the file a top-level `secrets:` definition (read from a `.env` variable, which needs
 * Compose 2.6.0, or from a file). Everything else stays a `.env` variable, with the reason as a note.
 * Secrets definitions: compose-spec 09-secrets.md,
 * https://github.com/compose-spec/compose-spec/blob/master/09-secrets.md
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { info } from '../../core';
import { fileVariant } from '../images';
import type { ComposeModel, EnvEntry, ServiceInfo } from '../model';
import { listItemText, replaceScalar } from './edits';
import { moveToEnv } from './env-mode';
import { fieldWords, type Context, type Group } from './types';

function lineIndent(source: string, offset: number): string | undefined {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const indent = source.slice(lineStart, offset);
  return /^ *$/.test(indent) ? indent : undefined;
}

/** Where to insert text after a block collection: before the line break that ends its last value. */
function insertionPoint(source: string, end: number): number {
  if (source[end - 1] === '\n') return source[end - 2] === '\r' ? end - 2 : end - 1;
  const lineBreak = source.indexOf('\n', end);
  if (lineBreak < 0) return source.length;
  return source[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
}

/** The file's indentation step, read from the first service name. */
function indentStep(ctx: Context): string {
  const root = ctx.model.doc.contents;
  if (!isMap(root)) return '  ';
  const services = root.items.find((pair) => ctx.model.keyString(pair.key) === 'services')?.value;
  const firstService = isMap(services) ? services.items[0]?.key : undefined;
  const indent = isScalar(firstService) && firstService.range ? lineIndent(ctx.src, firstService.range[0]) : undefined;
  return indent && indent.length > 0 ? indent : '  ';
}

function serviceOf(ctx: Context, entry: EnvEntry): ServiceInfo | undefined {
  const usage = entry.usages[0];
  return ctx.model.services.find((service) => service.name === usage?.service);
}

/** Why an entry cannot become a `*_FILE` variable, or undefined when it can. */
function fileVariantBlocker(ctx: Context, entry: EnvEntry): string | undefined {
  const usage = entry.usages[0];
  const service = serviceOf(ctx, entry);
  if (!usage || !service) return 'The value is not in a service.';
  if (entry.field === 'labels')
    return `${entry.key} is a label, read by other programs (such as Traefik) rather than by the container, so it stays a .env variable.`;
  if (entry.usages.length > 1 || !entry.id.startsWith(`services.${service.name}.`)) {
    return `${entry.key} is written in an anchor (${entry.id}), which a file variable could change for other services, so it stays a .env variable.`;
  }
  if (!service.ownMap || service.ownMap.flow)
    return `Service ${service.name} is written as an alias or on one line, so it stays a .env variable.`;
  const variant = fileVariant(service.image, usage.key);
  if (!variant)
    return `The image of ${service.name} (${service.image ?? 'built locally'}) is not known to read ${usage.key}_FILE, so it stays a .env variable.`;
  const siblings = ctx.model.entries.filter((other) =>
    other.usages.some((otherUsage) => otherUsage.service === service.name && otherUsage.key === variant.key),
  );
  if (siblings.length)
    return `${service.name} already sets ${variant.key}; the image refuses both, so ${usage.key} stays a .env variable.`;
  return undefined;
}

function serviceSecretsBlocker(service: ServiceInfo, model: ComposeModel): string | undefined {
  const own = service.ownMap;
  if (!own) return 'alias';
  const pair = own.items.find((item) => model.keyString(item.key) === 'secrets');
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
  const pair = root.items.find((item) => ctx.model.keyString(item.key) === 'secrets');
  if (!pair) return undefined;
  return isMap(pair.value) && !pair.value.flow && pair.value.items.length > 0
    ? undefined
    : 'its top-level secrets: is not a block mapping';
}

function existingSecretNames(ctx: Context): Set<string> {
  const root = ctx.model.doc.contents as YAMLMap;
  const pair = root.items.find((item) => ctx.model.keyString(item.key) === 'secrets');
  return new Set(isMap(pair?.value) ? pair.value.items.map((item) => ctx.model.keyString(item.key)) : []);
}

function switchToFile(ctx: Context, group: Group, secret: string): void {
  for (const entry of group.entries) {
    const usage = entry.usages[0];
    const variant = fileVariant(serviceOf(ctx, entry)?.image, usage?.key ?? '');
    if (!variant) continue;
    if (entry.form === 'map' && entry.keyNode) {
      replaceScalar(ctx, entry.keyNode, variant.key);
      replaceScalar(ctx, entry.node, `/run/secrets/${secret}`);
    } else {
      replaceScalar(ctx, entry.node, listItemText(entry.node, variant.key, `/run/secrets/${secret}`));
    }
  }
}

function addServiceSecrets(ctx: Context, service: ServiceInfo, names: string[], step: string): void {
  const own = service.ownMap;
  if (!own) return;
  const pair = own.items.find((item) => ctx.model.keyString(item.key) === 'secrets');
  if (pair && isSeq(pair.value)) {
    const last = pair.value.items[pair.value.items.length - 1] as Node;
    const start = last.range?.[0] ?? 0;
    const lineStart = ctx.src.lastIndexOf('\n', start - 1) + 1;
    const dashIndent = ctx.src.slice(lineStart, start).replace(/-.*$/, '');
    const at = insertionPoint(ctx.src, last.range?.[1] ?? start);
    ctx.edits.push({ start: at, end: at, text: names.map((name) => `${ctx.nl}${dashIndent}- ${name}`).join('') });
    return;
  }
  const firstKey = own.items[0]?.key as Node | undefined;
  const indent = lineIndent(ctx.src, firstKey?.range?.[0] ?? 0) ?? step;
  const at = insertionPoint(ctx.src, own.range?.[1] ?? ctx.src.length);
  const items = names.map((name) => `${ctx.nl}${indent}${step}- ${name}`).join('');
  ctx.edits.push({ start: at, end: at, text: `${ctx.nl}${indent}secrets:${items}` });
}

function addTopSecrets(ctx: Context, groups: Group[], step: string): void {
  const source = ctx.options.secretSource;
  const body = (group: Group, indent: string) =>
    `${ctx.nl}${indent}${group.secret}:${ctx.nl}${indent}${step}` +
    (source === 'file' ? `file: ./secrets/${group.secret}` : `environment: ${group.name}`);
  const root = ctx.model.doc.contents as YAMLMap;
  const pair = root.items.find((item) => ctx.model.keyString(item.key) === 'secrets');
  if (pair && isMap(pair.value)) {
    const firstKey = pair.value.items[0]?.key as Node | undefined;
    const indent = lineIndent(ctx.src, firstKey?.range?.[0] ?? 0) ?? step;
    const at = insertionPoint(ctx.src, pair.value.range?.[1] ?? ctx.src.length);
    ctx.edits.push({ start: at, end: at, text: groups.map((group) => body(group, indent)).join('') });
    return;
  }
  const lead = ctx.src.endsWith('\n') ? '' : ctx.nl;
  ctx.edits.push({
    start: ctx.src.length,
    end: ctx.src.length,
    text: `${lead}${ctx.nl}secrets:${groups.map((group) => body(group, step)).join('')}${ctx.nl}`,
  });
}

/** Why a group stays a `.env` variable in secrets mode, or undefined when it becomes a Docker secret. */
function groupBlocker(ctx: Context, group: Group, topBlocker: string | undefined): string | undefined {
  const inline = group.inline[0];
  if (inline && !group.entries.length) {
    return `${group.name} is used in the ${fieldWords(inline.field)} of ${inline.services.join(', ')}, which Compose fills in from .env (a secret file cannot be read there), so it stays a .env variable.`;
  }
  if (inline && ctx.options.secretSource === 'file') {
    return `${group.key} is also used in the ${fieldWords(inline.field)} of ${inline.services.join(', ')}, which can only read it from .env, so it stays a .env variable.`;
  }
  if (topBlocker) return `Docker secrets are not added because ${topBlocker}.`;
  const entryWhy = group.entries.map((entry) => fileVariantBlocker(ctx, entry)).find((why) => why !== undefined);
  if (entryWhy) return entryWhy;
  const services = group.entries.map((entry) => serviceOf(ctx, entry));
  const serviceWhy = services
    .map((service) => (service ? serviceSecretsBlocker(service, ctx.model) : 'missing'))
    .find((why) => why !== undefined);
  if (serviceWhy)
    return `Service ${services[0]?.name ?? ''} cannot get a secrets: entry (${serviceWhy}), so ${group.key} stays a .env variable.`;
  return undefined;
}

export function applySecretsMode(ctx: Context, groups: Group[]): void {
  const topBlocker = topSecretsBlocker(ctx);
  const taken = existingSecretNames(ctx);
  const perService = new Map<string, string[]>();
  for (const group of groups) {
    const why = groupBlocker(ctx, group, topBlocker);
    if (why) {
      ctx.diagnostics.push(info('secrets-fallback', why, { path: group.entries[0]?.id ?? group.inline[0]?.id }));
      moveToEnv(ctx, group);
      continue;
    }
    let name = group.name.toLowerCase();
    for (let suffix = 2; taken.has(name); suffix++) name = `${group.name.toLowerCase()}_${suffix}`;
    taken.add(name);
    group.secret = name;
    switchToFile(ctx, group, name);
    for (const entry of group.entries) {
      const service = serviceOf(ctx, entry);
      if (service) perService.set(service.name, [...(perService.get(service.name) ?? []), name]);
    }
  }
  const step = indentStep(ctx);
  for (const [serviceName, names] of perService) {
    const service = ctx.model.services.find((candidate) => candidate.name === serviceName);
    if (service) addServiceSecrets(ctx, service, [...new Set(names)], step);
  }
  const secretGroups = groups.filter((group) => group.secret);
  if (secretGroups.length) addTopSecrets(ctx, secretGroups, step);
}
