/** `.env` mode: each moved scalar becomes a required-variable reference to its group's variable. */
import { reference, replaceScalar, yamlDoubleQuoted } from './edits';
import type { Context, Group } from './types';

export function moveToEnv(ctx: Context, group: Group): void {
  for (const entry of group.entries) {
    if (entry.form === 'map') replaceScalar(ctx, entry.node, yamlDoubleQuoted(reference(group.name)));
    else replaceScalar(ctx, entry.node, yamlDoubleQuoted(`${entry.key.replaceAll('$', '$$$$')}=${reference(group.name)}`));
  }
}
