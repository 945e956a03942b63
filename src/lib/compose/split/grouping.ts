/**
 * Grouping moved values into variables: one variable per (key, value) pair, named after the key, prefixed by the
 * service when the same key holds different values, and never a name Compose, Docker or the shell already uses.
 */
import { info } from '../../core';
import type { EnvEntry } from '../model';
import { assignNames, toVariableName } from '../names';
import { entryAt } from './diagnostics';
import { fieldWords, type Context, type Finding, type Group, type InlineValue } from './types';

/** `service: KEY` for every place a group's value is used. */
export function usageLabel(group: Group): string {
  const pairs = group.entries.flatMap((entry) =>
    entry.usages.map((usage) =>
      entry.field === 'labels' ? `${usage.service}: label ${usage.key}` : `${usage.service}: ${usage.key}`,
    ),
  );
  for (const inline of group.inline) {
    for (const service of inline.services) pairs.push(`${service}: ${fieldWords(inline.field)} ${inline.label}`);
  }
  return [...new Set(pairs)].join(', ');
}

function nameNotes(ctx: Context, group: Group, sameKeyGroups: number): void {
  for (const entry of group.entries) {
    const services = [...new Set(entry.usages.map((usage) => usage.service))];
    if (services.length < 2) continue;
    ctx.diagnostics.push(
      info(
        'anchor-shared',
        `${entry.key} is written once at ${entry.id} and used by ${services.join(', ')}: the one edit there changes all of them.`,
        entryAt(ctx, entry),
      ),
    );
  }
  const path = group.entries[0]?.id ?? group.inline[0]?.id;
  if (sameKeyGroups > 1) {
    ctx.diagnostics.push(
      info(
        'variable-per-service',
        `${group.key} holds different values in several services, so ${usageLabel(group)} gets its own variable ${group.name}.`,
        { path },
      ),
    );
  } else if (group.name === toVariableName(group.key) && group.name !== group.key) {
    ctx.diagnostics.push(
      info(
        'variable-normalized',
        `${group.key} is stored as ${group.name}: .env variable names here use upper-case letters, digits and _ only.`,
        { path },
      ),
    );
  } else if (group.name !== group.key) {
    ctx.diagnostics.push(
      info(
        'variable-renamed',
        `${group.key} is stored as ${group.name}: the plain name is reserved by Compose, Docker or the shell, or already used in the file.`,
        { path },
      ),
    );
  }
}

const newGroup = (key: string, value: string): Group => ({
  name: '',
  key,
  value,
  entries: [],
  inline: [],
  findings: [],
  secret: undefined,
});

/**
 * One group per (key, value) of the chosen entries; a chosen inline value joins the entry group holding the same value
 * (so a command repeating a moved password uses the same variable), else a group of its own named after the option.
 */
export function buildGroups(
  ctx: Context,
  chosen: readonly { entry: EnvEntry; finding: Finding }[],
  chosenInline: readonly { inline: InlineValue; finding: Finding }[],
  existing: ReadonlySet<string>,
): Group[] {
  const byKeyAndValue = new Map<string, Group>();
  for (const { entry, finding } of chosen) {
    const groupKey = `${entry.key}\u0000${entry.intended ?? ''}`;
    const group = byKeyAndValue.get(groupKey) ?? newGroup(entry.key, entry.intended ?? '');
    group.entries.push(entry);
    group.findings.push(finding);
    byKeyAndValue.set(groupKey, group);
  }
  const entryGroups = [...byKeyAndValue.values()];
  for (const { inline, finding } of chosenInline) {
    const sameValue = entryGroups.find((group) => group.value === inline.value);
    const groupKey = `${inline.variable}\u0000${inline.value}`;
    const group = sameValue ?? byKeyAndValue.get(groupKey) ?? newGroup(inline.variable, inline.value);
    group.inline.push(inline);
    group.findings.push(finding);
    if (!sameValue) byKeyAndValue.set(groupKey, group);
  }
  const groups = [...byKeyAndValue.values()];
  const groupsPerKey = new Map<string, number>();
  for (const group of groups) groupsPerKey.set(group.key, (groupsPerKey.get(group.key) ?? 0) + 1);
  const names = assignNames(
    groups.map((group) => ({
      key: group.key,
      service: group.entries[0]?.usages[0]?.service ?? group.inline[0]?.services[0] ?? 'app',
      needsPrefix: (groupsPerKey.get(group.key) ?? 0) > 1,
    })),
    existing,
  );
  groups.forEach((group, index) => (group.name = names[index] ?? group.key));
  for (const group of groups) nameNotes(ctx, group, groupsPerKey.get(group.key) ?? 0);
  return groups;
}
