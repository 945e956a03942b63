/**
 * configuration.yml for Authelia 4.39 (4.38+ key names) doing forward-auth behind Nginx Proxy Manager, with the
 * secrets either inline or kept out of the file through `AUTHELIA_*_FILE` variables (compose snippet + script).
 * Option checks mirror Authelia's own validator and reuse its message wording.
 *
 * Layout: options.ts (input model, paths, secret slots) · checks.ts (option checks) · access.ts (the access_control
 * section) · render.ts (configuration.yml) · files.ts (compose.yaml, create-secrets.sh) · this file (entry point).
 */
import { info, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../../core';
import { checkBaseDomain } from '../../core/domain';
import { isRecord } from '../../core/guards';
import { defaultRandomSource, randomSecret, RECOMMENDED_SECRET_LENGTH, type RandomSource } from '../secrets';
import { generateUsersDatabase, type UserInput } from '../users';
import { buildAccessControl, defaultAccessControl } from './access';
import { checkEnum, checkRedirection, checkRuleDomains, checkSecrets, checkSessionUrl, ENUM_CHECKS, text } from './checks';
import { renderCompose, renderSecretsScript } from './files';
import { resolveHardening } from './hardening';
import {
  CONFIGURATION_FILE_NAME,
  defaultAutheliaConfigOptions,
  type AutheliaConfigOptions,
  type AutheliaSecretsInput,
  type AutheliaSecretsMode,
  type SecretSlot,
} from './options';
import { buildSections, renderSections, type ResolvedOptions } from './render';

export * from './options';
export { defaultAccessControl } from './access';
export { smtpScheme } from './hardening';
export { CONFIGURATION_SCHEMA_URL } from '../facts';
/** Kept for the public API; the owner is src/lib/core/domain.ts. */
export { isInCookieScope } from '../../core/domain';

function resolveSecrets(input: unknown, mode: AutheliaSecretsMode, random: RandomSource): Required<AutheliaSecretsInput> {
  const given = isRecord(input) ? input : {};
  const pick = (slot: SecretSlot) =>
    mode === 'inline' && text(given[slot]) !== ''
      ? text(given[slot])
      : mode === 'inline'
        ? randomSecret(RECOMMENDED_SECRET_LENGTH, random)
        : '';
  return { jwt: pick('jwt'), session: pick('session'), storageEncryptionKey: pick('storageEncryptionKey') };
}

function resolveOptions(options: unknown): { resolved: ResolvedOptions; diagnostics: Diagnostic[]; users?: UserInput[] } {
  const o: AutheliaConfigOptions = { ...defaultAutheliaConfigOptions, ...(isRecord(options) ? options : {}) };
  // Checked as typed, like every builder's domain: a stray space is an error with a fix, not silently dropped.
  const domain = typeof o.domain === 'string' ? o.domain : '';
  const domainDiagnostics = checkBaseDomain(domain);
  const domainOk = !domainDiagnostics.some((d) => d.severity === 'error');
  const portal = checkSessionUrl(text(o.autheliaUrl), 'authelia_url', 'autheliaUrl', domain, domainOk);
  const theme = checkEnum(o.theme, ENUM_CHECKS.theme);
  const logLevel = checkEnum(o.logLevel, ENUM_CHECKS.logLevel);
  const mode = checkEnum(o.secretsMode, ENUM_CHECKS.secretsMode);
  const secretsInput: AutheliaSecretsInput = isRecord(o.secrets) ? o.secrets : {};
  const acInput = o.accessControl ?? defaultAccessControl(domainOk ? domain : '');
  const accessControl = buildAccessControl(acInput, portal.url?.hostname);
  const issuer = text(o.totpIssuer);
  const diagnostics: Diagnostic[] = [
    ...domainDiagnostics,
    ...portal.diagnostics,
    ...checkRedirection(o, portal.url, domainOk),
    ...checkSecrets(secretsInput, mode.value),
    ...theme.diagnostics,
    ...logLevel.diagnostics,
    ...mode.diagnostics,
    ...(issuer
      ? []
      : [
          info('totp-issuer-default', "The TOTP issuer is empty, so authenticator apps will show 'Authelia'.", {
            path: 'totpIssuer',
          }),
        ]),
    ...accessControl.diagnostics,
    ...(domainOk ? checkRuleDomains(acInput, domain) : []),
  ];
  const hardening = resolveHardening(isRecord(options) ? options : {}, mode.value);
  diagnostics.push(...hardening.diagnostics);
  const random = typeof o.random === 'function' ? o.random : defaultRandomSource;
  const resolved: ResolvedOptions = {
    domain,
    autheliaUrl: text(o.autheliaUrl),
    redirect: text(o.defaultRedirectionUrl),
    issuer,
    theme: theme.value,
    logLevel: logLevel.value,
    mode: mode.value,
    secrets: resolveSecrets(secretsInput, mode.value, random),
    accessControl: accessControl.yaml,
    hardening: hardening.hardening,
  };
  return { resolved, diagnostics, ...(o.users !== undefined ? { users: o.users } : {}) };
}

/**
 * configuration.yml (+ compose.yaml and create-secrets.sh in the secret-files mode, + users_database.yml when users
 * are given). Never throws: bad options become error diagnostics on the option's field and the file is still written.
 * Secret values appear only in configuration.yml in the inline mode — never in diagnostics.
 */
export function generateAutheliaConfig(options: Partial<AutheliaConfigOptions> = {}): GeneratorResult {
  const { resolved, diagnostics, users } = resolveOptions(options);
  const files: GeneratedFile[] = [
    { name: CONFIGURATION_FILE_NAME, language: 'yaml', content: renderSections(buildSections(resolved)) },
  ];
  if (resolved.mode === 'files') {
    const smtpPassword = Boolean(resolved.hardening.smtp?.username);
    files.push(renderCompose(smtpPassword), renderSecretsScript(smtpPassword));
  }
  if (users !== undefined) {
    const result = generateUsersDatabase(users, {});
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}
