/**
 * The output files, one render function each, listed in `renderFiles` in the order the reader sees them:
 * compose file, .env, .env.example, .gitignore, then create-secrets.sh when secrets are read from files.
 */
import { shellQuote } from '../../core/quote';
import { sortDiagnostics, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../../core';
import { encodeDotenvValue } from '../dotenv';
import { usageLabel } from './grouping';
import type { Context, Group, SplitOptions } from './types';

/** Groups whose value goes into a secret file (file-based secrets mode) rather than into .env. */
function fileSecretGroups(ctx: Context, groups: readonly Group[]): Group[] {
  const fileMode = ctx.options.mode === 'secrets' && ctx.options.secretSource === 'file';
  return fileMode ? groups.filter((group) => group.secret) : [];
}

function renderComposeFile(ctx: Context, output: string): GeneratedFile {
  return { name: ctx.options.composeFileName, language: 'yaml', content: output };
}

function renderEnv(ctx: Context, inEnv: readonly Group[]): GeneratedFile {
  const lines = [
    `# Values moved out of ${ctx.options.composeFileName}. Keep this file private: it is listed in .gitignore.`,
    '# Single quotes make Compose read a value literally ($ and # included).',
  ];
  for (const group of inEnv) lines.push(`# ${usageLabel(group)}`, `${group.name}=${encodeDotenvValue(group.value)}`);
  return { name: '.env', language: 'dotenv', content: lines.join('\n') + '\n' };
}

function renderEnvExample(inEnv: readonly Group[]): GeneratedFile {
  const lines = ['# Copy to .env and fill in every value. Compose refuses to start while one is empty.'];
  for (const group of inEnv) {
    lines.push(`# ${usageLabel(group)}. ${group.findings[0]?.reason ?? ''}`.trimEnd(), `${group.name}=`);
  }
  return { name: '.env.example', language: 'dotenv', content: lines.join('\n') + '\n' };
}

function renderGitignore(withSecretFiles: boolean): GeneratedFile {
  const lines = ['# Real values stay out of git; .env.example is meant to be committed.', '.env', '!.env.example'];
  if (withSecretFiles) lines.push('secrets/', 'create-secrets.sh');
  return { name: '.gitignore', language: 'gitignore', content: lines.join('\n') + '\n' };
}

function renderCreateSecrets(ctx: Context, fileSecrets: readonly Group[]): GeneratedFile {
  const script = [
    '#!/bin/sh',
    `# Creates the secret files ${ctx.options.composeFileName} mounts. Run it once in the project directory, then delete it: it holds the values.`,
    'set -eu',
    'umask 077',
    'mkdir -p secrets',
    'chmod 700 secrets',
    ...fileSecrets.flatMap((group) => [
      `printf '%s' ${shellQuote(group.value)} > secrets/${group.secret}`,
      `chmod 444 secrets/${group.secret}`,
    ]),
  ];
  return { name: 'create-secrets.sh', language: 'shell', content: script.join('\n') + '\n' };
}

/** Every output file, in order. */
export function renderFiles(ctx: Context, groups: readonly Group[], output: string): GeneratedFile[] {
  const fileSecrets = fileSecretGroups(ctx, groups);
  const inEnv = groups.filter((group) => !fileSecrets.includes(group));
  const files = [
    renderComposeFile(ctx, output),
    renderEnv(ctx, inEnv),
    renderEnvExample(inEnv),
    renderGitignore(fileSecrets.length > 0),
  ];
  if (fileSecrets.length) files.push(renderCreateSecrets(ctx, fileSecrets));
  return files;
}

/** The result when nothing can be generated: the pasted text unchanged, and a note in place of each file. */
export function emptyResult(source: string, options: Required<SplitOptions>, diagnostics: Diagnostic[]): GeneratorResult {
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
