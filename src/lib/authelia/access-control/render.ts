/**
 * Rendering the canonical model as the `access_control:` YAML section.
 */
import { quoteYaml } from '../../core/yaml';
import type { AccessControlModel, AccessControlRuleModel, QueryCondition } from './model';

// Rendering: single-quoted strings, lists everywhere, subjects as flow lists of lists. The structure is fixed, so it is
// written directly (the `yaml` library's general emitter alone takes ~1.5 ms for 50 rules, over the 2 ms budget); every
// emitted file is parsed back with `yaml` in the tests. Strings are quoted by the shared core writer's `quoteYaml`.

const block = (items: string[], indent: string) => items.map((item) => `${indent}- ${quoteYaml(item)}`);

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

function renderRule(rule: AccessControlRuleModel): string[] {
  const fields: string[] = [];
  const list = (key: string, items: string[]) => {
    if (items.length) fields.push(`${key}:`, ...block(items, '  '));
  };
  list('domain', rule.domain);
  list('domain_regex', rule.domain_regex);
  if (rule.policy !== '') fields.push(`policy: ${quoteYaml(rule.policy)}`);
  if (rule.subject.length) fields.push('subject:', ...rule.subject.map((group) => `  - [${group.map(quoteYaml).join(', ')}]`));
  list('networks', rule.networks);
  list('resources', rule.resources);
  list('methods', rule.methods);
  if (rule.query.length) fields.push('query:', ...renderQuery(rule.query, '  '));
  if (!fields.length) return ['    - {}'];
  return fields.map((field, index) => `${index === 0 ? '    - ' : '      '}${field}`);
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
  for (const rule of model.rules) lines.push(...renderRule(rule));
  return `${lines.join('\n')}\n`;
}
