/**
 * Rendering the canonical model as the `access_control:` YAML section.
 */
import { quoteYaml } from '../../core/yaml';
import type { AccessControlModel, AccessControlRuleModel, QueryCondition } from './model';

// Rendering: single-quoted strings, lists everywhere, subjects as flow lists of lists. The structure is fixed, so it is
// written directly (the `yaml` library's general emitter alone takes ~1.5 ms for 50 rules, over the 2 ms budget); every
// emitted file is parsed back with `yaml` in the tests. Strings are quoted by the shared core writer's `quoteYaml`.

const block = (items: string[], indent: string) => items.map((i) => `${indent}- ${quoteYaml(i)}`);

function renderQuery(query: QueryCondition[][], indent: string): string[] {
  const lines: string[] = [];
  for (const group of query) {
    // An empty group is kept: Authelia reads it as a group that matches every request.
    if (group.length === 0) lines.push(`${indent}- []`);
    group.forEach((condition, index) => {
      const lead = index === 0 ? `${indent}- - ` : `${indent}  - `;
      const pad = `${indent}    `;
      lines.push(`${lead}key: ${quoteYaml(condition.key)}`);
      if (condition.operator) lines.push(`${pad}operator: ${quoteYaml(condition.operator)}`);
      if (condition.value !== undefined) lines.push(`${pad}value: ${quoteYaml(condition.value)}`);
    });
  }
  return lines;
}

function renderRule(r: AccessControlRuleModel): string[] {
  const fields: string[] = [];
  const list = (key: string, items: string[]) => {
    if (items.length) fields.push(`${key}:`, ...block(items, '  '));
  };
  list('domain', r.domain);
  list('domain_regex', r.domain_regex);
  if (r.policy !== '') fields.push(`policy: ${quoteYaml(r.policy)}`);
  if (r.subject.length) fields.push('subject:', ...r.subject.map((g) => `  - [${g.map(quoteYaml).join(', ')}]`));
  list('networks', r.networks);
  list('resources', r.resources);
  list('methods', r.methods);
  if (r.query.length) fields.push('query:', ...renderQuery(r.query, '  '));
  if (!fields.length) return ['    - {}'];
  return fields.map((f, i) => `${i === 0 ? '    - ' : '      '}${f}`);
}

/** The `access_control:` YAML section for a model. */
export function renderAccessControl(model: AccessControlModel): string {
  const lines = ['access_control:', `  default_policy: ${quoteYaml(model.default_policy)}`];
  if (model.networks.length) {
    lines.push('  networks:');
    for (const n of model.networks) {
      lines.push(`    - name: ${quoteYaml(n.name)}`);
      lines.push(n.networks.length ? '      networks:' : '      networks: []', ...block(n.networks, '        '));
    }
  }
  lines.push(model.rules.length ? '  rules:' : '  rules: []');
  for (const r of model.rules) lines.push(...renderRule(r));
  return `${lines.join('\n')}\n`;
}
