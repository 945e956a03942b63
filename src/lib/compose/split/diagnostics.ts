/**
 * Notes about the pasted file itself: values Compose reads differently than written, interpolation problems,
 * duplicate keys, `env_file:` and variables the file already uses. None of them changes the output.
 */
import { error, info, warning } from '../../core';
import type { EnvEntry } from '../model';
import { excerpt } from './group-notes';
import { position } from './parse';
import type { Context } from './types';

export function entryAt(ctx: Context, entry: EnvEntry): { line: number; column: number; path: string } {
  return { ...position(ctx.lines, entry.node.range?.[0] ?? 0), path: entry.id };
}

/** The path Compose names in its "invalid interpolation format" message. */
function composePath(entry: EnvEntry): string {
  const usage = entry.usages[0];
  return entry.form === 'map'
    ? `services.${usage?.service}.${entry.field}.${usage?.key}`
    : `services.${usage?.service}.${entry.field}.[]`;
}

/** Names for a message: the first ten, then how many more. */
function listed(names: readonly string[]): string {
  const shown = names
    .slice(0, 10)
    .map((name) => excerpt(name))
    .join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

const YES_NO = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function interpolationDiagnostics(ctx: Context, entry: EnvEntry): void {
  const at = entryAt(ctx, entry);
  if (entry.invalid) {
    // Compose's own wording: compose-go v2.13.0 interpolation/interpolation.go line 123,
    // https://github.com/compose-spec/compose-go/blob/v2.13.0/interpolation/interpolation.go#L123
    ctx.diagnostics.push(
      error(
        'invalid-interpolation',
        `invalid interpolation format for ${composePath(entry)}. You may need to escape any $ with another $. (Compose refuses the file: write $$ for a literal $.)`,
        at,
      ),
    );
    return;
  }
  if (!entry.references.length || typeof entry.node.value !== 'string') return;
  const bareDollar = /\$[A-Za-z_]/.test(entry.node.value.replaceAll('$$', ''));
  const names = entry.references.map((name) => `\${${name}}`).join(', ');
  ctx.diagnostics.push(
    bareDollar
      ? warning(
          'value-interpolated',
          `The value of ${entry.key} contains a $ that Compose reads as a variable reference, so part of it is replaced (by an empty string when the variable is unset). If the $ is part of the value, write $$; the value is left where it is.`,
          at,
        )
      : info('value-from-variable', `${entry.key} already takes its value from ${names}; it stays as it is.`, at),
  );
}

function typingDiagnostics(ctx: Context, entry: EnvEntry): void {
  const at = entryAt(ctx, entry);
  if (entry.retyped) {
    const kind = entry.retyped.type === 'bool' ? 'a boolean' : 'a number';
    ctx.diagnostics.push(
      warning(
        'yaml-retyped',
        `Compose reads the unquoted value of ${entry.key} as ${kind}, so ${entry.field === 'labels' ? 'the label holds' : 'the container gets'} a different text than written (for example 0123 becomes 83 and 1e3 becomes 1000). Moving it to .env, or quoting it, passes the text exactly as written.`,
        at,
      ),
    );
  } else if (
    entry.form === 'map' &&
    entry.node.type === 'PLAIN' &&
    typeof entry.node.value === 'string' &&
    YES_NO.test(entry.node.value)
  ) {
    ctx.diagnostics.push(
      info(
        'yaml-yes-no',
        `${entry.key} is an unquoted ${entry.node.value}: Compose v2 passes it as text, but YAML 1.1 tools (Compose v1, some linters) read it as a boolean. Quote it.`,
        { ...at, fix: `"${entry.node.value}"` },
      ),
    );
  }
}

function listFormDiagnostics(ctx: Context, entry: EnvEntry): void {
  if (entry.form !== 'list') return;
  const at = entryAt(ctx, entry);
  if (entry.current !== undefined && /^(".*"|'.*')$/s.test(entry.current)) {
    ctx.diagnostics.push(
      warning(
        'list-quoted-value',
        `In list form the quotes around the value of ${entry.key} are part of the value the container gets (- KEY="x" passes "x" with its quotes).`,
        at,
      ),
    );
  }
  if (entry.key !== entry.key.trimEnd()) {
    ctx.diagnostics.push(
      error(
        'env-key-trailing-space',
        `${entry.field === 'labels' ? 'label' : 'environment variable'} ${entry.key} is declared with a trailing space`,
        at,
      ),
    );
  }
}

function envFileDiagnostics(ctx: Context): void {
  for (const service of ctx.model.services) {
    if (!service.envFile) continue;
    const [start = 0, end = 0] = service.envFile.range ?? [];
    const at = position(ctx.lines, start);
    const loadsDotEnv = /(^|[\s/"'[,])\.env(["'\],\s]|$)/m.test(ctx.src.slice(start, end));
    ctx.diagnostics.push(
      loadsDotEnv
        ? warning(
            'env-file-dotenv',
            `${service.name} loads .env with env_file:, so every variable in .env (including the moved secrets of other services) reaches its container. Consider removing that env_file: line.`,
            at,
          )
        : info(
            'env-file-present',
            `${service.name} also reads variables from env_file:; values in those files are not checked here.`,
            at,
          ),
    );
  }
}

export function fileDiagnostics(ctx: Context, existing: ReadonlySet<string>): void {
  for (const entry of ctx.model.entries) {
    interpolationDiagnostics(ctx, entry);
    typingDiagnostics(ctx, entry);
    listFormDiagnostics(ctx, entry);
  }
  for (const duplicate of ctx.model.listDuplicates) {
    ctx.diagnostics.push(
      warning(
        'duplicate-env-key',
        `${duplicate.key} is listed more than once in the ${duplicate.field === 'labels' ? 'labels' : 'environment'} of ${duplicate.service}; Compose keeps the last one.`,
        position(ctx.lines, duplicate.node.range?.[0] ?? 0),
      ),
    );
  }
  for (const bad of ctx.model.badValues) {
    ctx.diagnostics.push(
      warning(
        'env-value-not-scalar',
        `${bad.key} in ${bad.service} has a list or mapping as its value; Compose accepts only text, numbers, booleans or nothing.`,
        position(ctx.lines, bad.node.range?.[0] ?? 0),
      ),
    );
  }
  envFileDiagnostics(ctx);
  if (existing.size) {
    ctx.diagnostics.push(
      info(
        'existing-variables',
        `The file already uses ${listed([...existing].map((name) => `\${${name}}`))}. If you have a .env for them, add the new lines to it instead of replacing it: Compose reads only one .env.`,
      ),
    );
  }
}
