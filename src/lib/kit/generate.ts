/**
 * generateFrontDoorKit: one homelab profile and the kit choices in, every file of the four layers out, checked
 * against each other (checkFrontDoorKit). Bad input → diagnostics on the field and no files (never half a kit).
 */
import { hasErrors, sortDiagnostics, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../core';
import type { Profile } from '../profile/model';
import { renderAuthelia } from './authelia';
import { checkFrontDoorKit } from './check';
import { renderCompose } from './compose';
import { renderEnvExample, renderGitignore, renderInlineSecrets, renderSecretsScript } from './env';
import { renderDns, renderSsh, renderTailscale } from './layers';
import { renderNpm } from './npm';
import { renderReadme } from './readme';
import type { KitChoices, KitExtras } from './types';
import { validateKitInput } from './validate';

export function generateFrontDoorKit(profile: Profile, choices: KitChoices, extras: KitExtras = {}): GeneratorResult {
  const input = validateKitInput(profile, choices);
  if (hasErrors(input)) return { files: [], diagnostics: sortDiagnostics(input) };
  const diagnostics: Diagnostic[] = [...input];
  const files: GeneratedFile[] = [];
  const add = (part: { files: GeneratedFile[]; diagnostics: Diagnostic[] }) => {
    files.push(...part.files);
    diagnostics.push(...part.diagnostics);
  };
  files.push(renderCompose(profile, choices).file, renderEnvExample(choices), renderGitignore(), renderSecretsScript(choices));
  if (choices.secrets === 'inline') files.push(...renderInlineSecrets(choices, extras));
  add(renderAuthelia(profile, choices, extras));
  add(renderNpm(profile, choices));
  add(renderDns(profile, choices));
  add(renderTailscale(profile));
  add(renderSsh(profile));
  files.push(renderReadme(profile, choices, files));
  // A builder's error means its part is not what the kit promises: no half-written kit.
  if (hasErrors(diagnostics)) return { files: [], diagnostics: sortDiagnostics(diagnostics) };
  diagnostics.push(...checkFrontDoorKit(files));
  return { files: hasErrors(diagnostics) ? [] : files, diagnostics: sortDiagnostics(diagnostics) };
}
