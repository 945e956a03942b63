/**
 * The `access_control` section of configuration.yml: decode, Authelia's checks, the builder's lints, the YAML.
 */
import type { GeneratorResult } from '../../core';
import { normalizeAccessControl } from './decode';
import { lintAccessControl } from './lint';
import { sanitizeOptions, type AccessControlOptions } from './model';
import { renderAccessControl } from './render';
import { validateAccessControl } from './validate';

/** The `access_control` section of configuration.yml in canonical form, with Authelia's checks and the builder's lints. */
export function generateAccessControl(input: unknown, options: AccessControlOptions = {}): GeneratorResult {
  const { model, diagnostics } = normalizeAccessControl(input);
  const safe = sanitizeOptions(options);
  diagnostics.push(...validateAccessControl(model, safe), ...lintAccessControl(model, safe));
  return { files: [{ name: 'access_control.yml', language: 'yaml', content: renderAccessControl(model) }], diagnostics };
}
