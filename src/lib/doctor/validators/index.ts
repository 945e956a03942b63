/**
 * The doctor with the builders' validators: a pasted configuration gets what the builder for that format would say
 * about it, at the lines of the paste. Kept apart from `diagnoseText` (src/lib/doctor/index.ts) so the page's first
 * answer needs no validator code; the page runs this in its worker.
 */
import { diagnoseText, type Diagnosis, type Finding } from '../index';
import type { ConfigCheck } from '../types';
import { autheliaChecks } from './authelia';
import { npmChecks } from './npm';
import { sshdChecks } from './ssh';

/** Pastes above this size are not configuration files; the validators are not run on them. */
export const MAX_VALIDATED_CHARS = 200_000;

const VALIDATORS: Record<string, (text: string) => ConfigCheck[]> = {
  'config-authelia': (text) => autheliaChecks(text, true),
  'config-authelia-access-control': (text) => autheliaChecks(text, false),
  'config-npm-advanced': npmChecks,
  'config-sshd': sshdChecks,
};

function withChecks(finding: Finding, text: string): Finding {
  const validator = VALIDATORS[finding.id];
  if (!validator) return finding;
  let checks: ConfigCheck[];
  try {
    checks = validator(text);
  } catch {
    checks = [{ severity: 'info', message: "The builder's checks could not read this text; open it in the builder to see why." }];
  }
  const lines = [
    ...new Set([...finding.lines, ...checks.flatMap((check) => (check.line === undefined ? [] : [check.line]))]),
  ].sort((a, b) => a - b);
  return { ...finding, lines, checks };
}

/** The builders' own checks added to the config findings of `diagnosis` (the result of `diagnoseText(text)`). */
export function addValidatorChecks(diagnosis: Diagnosis, text: string): Diagnosis {
  if (typeof text !== 'string' || text.length > MAX_VALIDATED_CHARS) return diagnosis;
  return { ...diagnosis, findings: diagnosis.findings.map((finding) => withChecks(finding, text)) };
}

/** `diagnoseText`, plus the builders' own checks on every configuration found in the paste. Never throws. */
export function diagnoseWithValidators(text: string): Diagnosis {
  return addValidatorChecks(diagnoseText(text), text);
}
