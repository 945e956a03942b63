/**
 * The `access_control:` section of configuration.yml: the access-control generator's output (or a deny-all fallback)
 * and its diagnostics moved onto the `accessControl` field.
 */
import { error, type Diagnostic } from '../../core';
import { toYaml } from '../../core/yaml';
import { generateAccessControl } from '../access-control';
import { defaultAutheliaConfigOptions } from './options';

/** Deny by default; two_factor for the cookie domain and every host under it. */
export function defaultAccessControl(domain: string): { default_policy: string; rules: { domain: string[]; policy: string }[] } {
  const d = domain || defaultAutheliaConfigOptions.domain;
  return { default_policy: 'deny', rules: [{ domain: [d, `*.${d}`], policy: 'two_factor' }] };
}

export interface AccessControlSection {
  /** The `access_control:` block, already rendered by the access-control generator. */
  yaml: string;
  diagnostics: Diagnostic[];
}

const FALLBACK_ACCESS_CONTROL = toYaml({ access_control: { default_policy: 'deny' } });

function prefix(d: Diagnostic): Diagnostic {
  return { ...d, path: d.path ? `accessControl.${d.path.replace(/^accessControl\.?/, '')}` : 'accessControl' };
}

const unavailable = () =>
  error(
    'access-control-unavailable',
    'The access-control rules could not be generated, so only the deny-all default is written.',
    { path: 'accessControl' },
  );

export function buildAccessControl(input: unknown, portalHost: string | undefined): AccessControlSection {
  try {
    const result = generateAccessControl(input, {
      ...(portalHost ? { portalDomain: portalHost } : {}),
      // configuration.yml registers no OpenID Connect clients, so every `oauth2:client:` subject is one Authelia
      // refuses (access_control.go#L103-L105, #L199-L211 at v4.39.20).
      oidcClientIds: [],
    });
    const diagnostics = result.diagnostics.map(prefix);
    const file = result.files.find((f) => f.name === 'access_control.yml') ?? result.files[0];
    if (file?.content.startsWith('access_control:\n')) return { yaml: file.content, diagnostics };
    return { yaml: FALLBACK_ACCESS_CONTROL, diagnostics: [...diagnostics, unavailable()] };
  } catch {
    return { yaml: FALLBACK_ACCESS_CONTROL, diagnostics: [unavailable()] };
  }
}
