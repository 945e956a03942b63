import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { accessControlFromForm, defaultAccessControlForm, type AccessControlForm } from '../../lib/authelia/form';
import {
  defaultAutheliaConfigOptions,
  generateAutheliaConfig,
  type AutheliaConfigOptions,
  type AutheliaSecretsInput,
} from '../../lib/authelia/config';
import { generateAutheliaSecrets } from '../../lib/authelia/secrets';
import { sortDiagnostics } from '../../lib/core';
import { decodeShare } from '../../lib/core/share';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { OutputPanel } from '../builder/OutputPanel';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { useBuilderState } from '../builder/useBuilderState';
import { ProfilePanel } from '../builder/ProfilePanel';
import { toAutheliaOptions, toUsers } from '../../lib/profile/model';
import { stamp } from '../builder/provenance';
import { hashInWorker } from './hasher';

interface UserForm {
  username: string;
  displayname: string;
  email: string;
  groups: string;
  /** argon2id digest made in this page; the plain password is never kept in state. */
  hash: string;
}

interface SetupForm {
  domain: string;
  autheliaUrl: string;
  defaultRedirectionUrl: string;
  totpIssuer: string;
  theme: AutheliaConfigOptions['theme'];
  logLevel: AutheliaConfigOptions['logLevel'];
  secretsMode: AutheliaConfigOptions['secretsMode'];
  useAccessBuilder: boolean;
  secrets: AutheliaSecretsInput;
  users: UserForm[];
}

const DEFAULTS: SetupForm = {
  domain: defaultAutheliaConfigOptions.domain,
  autheliaUrl: defaultAutheliaConfigOptions.autheliaUrl,
  defaultRedirectionUrl: defaultAutheliaConfigOptions.defaultRedirectionUrl,
  totpIssuer: defaultAutheliaConfigOptions.totpIssuer,
  theme: defaultAutheliaConfigOptions.theme,
  logLevel: defaultAutheliaConfigOptions.logLevel,
  secretsMode: defaultAutheliaConfigOptions.secretsMode,
  useAccessBuilder: true,
  secrets: {},
  users: [{ username: 'ana', displayname: 'Ana', email: 'ana@example.com', groups: 'admins', hash: '' }],
};

// Generated secrets and password digests never go into a share link, nor into storage without the opt-in.
const SCHEMA = { version: 1, secretKeys: ['secrets', 'hash'] };

/** Rules saved by the access-control builder (Layer 3 guide) in this browser, if any. */
function savedAccessRules(): AccessControlForm | undefined {
  try {
    const stored = localStorage.getItem('builder:access');
    if (!stored) return undefined;
    const decoded = decodeShare(stored, defaultAccessControlForm, { version: 1, secretKeys: [] });
    return decoded.ok ? decoded.state : undefined;
  } catch {
    return undefined;
  }
}

export default function AutheliaSetupBuilder() {
  const builder = useBuilderState<SetupForm>('authelia-setup', DEFAULTS, SCHEMA, {
    // Domain, portal and users come from the profile; secrets and password digests stay this builder's own.
    fromProfile: (profile, current) => ({
      ...current,
      ...toAutheliaOptions(profile),
      users: toUsers(profile).map((u) => ({
        username: u.username,
        displayname: u.displayname,
        email: u.email,
        groups: u.groups.join(', '),
        hash: current.users.find((c) => c.username === u.username)?.hash ?? '',
      })),
    }),
  });
  const { state: form, setState, setStateSilently } = builder;
  const root = useRef<HTMLDivElement>(null);
  const [passwords, setPasswords] = useState<string[]>([]);
  const [hashing, setHashing] = useState<number | undefined>();
  const [accessRules, setAccessRules] = useState<AccessControlForm | undefined>();

  useEffect(() => setAccessRules(savedAccessRules()), []);

  // Secrets are made in this page with crypto.getRandomValues, once, and kept until regenerated.
  useEffect(() => {
    if (!form.secrets.jwt) setStateSilently((prev) => ({ ...prev, secrets: generateAutheliaSecrets() }));
  }, [form.secrets.jwt]);

  const options = useMemo<Partial<AutheliaConfigOptions>>(
    () => ({
      domain: form.domain,
      autheliaUrl: form.autheliaUrl,
      defaultRedirectionUrl: form.defaultRedirectionUrl,
      totpIssuer: form.totpIssuer,
      theme: form.theme,
      logLevel: form.logLevel,
      secretsMode: form.secretsMode,
      secrets: form.secrets,
      ...(form.useAccessBuilder && accessRules ? { accessControl: accessControlFromForm(accessRules) } : {}),
      users: form.users.map((u) => ({
        username: u.username.trim(),
        displayname: u.displayname.trim(),
        email: u.email.trim(),
        groups: u.groups
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean),
        ...(u.hash ? { hash: u.hash } : {}),
      })),
    }),
    [form, accessRules],
  );
  const result = useMemo(() => (form.secrets.jwt ? generateAutheliaConfig(options) : { files: [], diagnostics: [] }), [options]);
  const diagnostics = useMemo(() => sortDiagnostics(result.diagnostics), [result]);
  const files = useMemo(() => stamp(result.files, 'Authelia 4.39'), [result]);

  const set = <K extends keyof SetupForm>(key: K, value: SetupForm[K]) => setState((prev) => ({ ...prev, [key]: value }));
  const setUser = (index: number, patch: Partial<UserForm>) =>
    setState((prev) => ({ ...prev, users: prev.users.map((u, i) => (i === index ? { ...u, ...patch } : u)) }));

  const hash = async (index: number) => {
    const password = passwords[index] ?? '';
    if (password.length === 0) {
      announce('Type a password first');
      return;
    }
    setHashing(index);
    try {
      const digest = await hashInWorker(password);
      setStateSilently((prev) => ({ ...prev, users: prev.users.map((u, i) => (i === index ? { ...u, hash: digest } : u)) }));
      announce(`Password for ${form.users[index]?.username || 'the user'} hashed`);
    } catch {
      announce('Hashing failed in this browser');
    } finally {
      setHashing(undefined);
    }
  };

  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const text = (key: 'domain' | 'autheliaUrl' | 'defaultRedirectionUrl' | 'totpIssuer', label: string, hint: string) => (
    <div class="field">
      <label for={`as-${key}`}>{label}</label>
      <input
        id={`as-${key}`}
        type="text"
        data-path={key}
        value={form[key]}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={`as-${key}-hint`}
        onInput={(e) => set(key, value(e))}
      />
      <p class="field-hint" id={`as-${key}-hint`}>
        {hint}
      </p>
    </div>
  );

  return (
    <div class="builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <div class="builder-row">
        {text('domain', 'Cookie domain', 'The parent domain of every protected app, e.g. example.com')}
        {text('autheliaUrl', 'Portal URL', 'Where the login page lives, e.g. https://auth.example.com')}
        {text('defaultRedirectionUrl', 'After login, go to', 'e.g. your dashboard; leave empty to omit')}
        {text('totpIssuer', 'Name in authenticator apps', 'Shown next to the 6-digit code')}
      </div>
      <div class="builder-row">
        <div class="field">
          <label for="as-secrets">Secrets</label>
          <select
            id="as-secrets"
            data-path="secretsMode"
            value={form.secretsMode}
            onChange={(e) => set('secretsMode', value(e) as SetupForm['secretsMode'])}
          >
            <option value="files">In secret files (AUTHELIA_*_FILE), made on the server</option>
            <option value="inline">Inline in configuration.yml, made in this page</option>
          </select>
        </div>
        <div class="field">
          <label for="as-log">Log level</label>
          <select
            id="as-log"
            data-path="logLevel"
            value={form.logLevel}
            onChange={(e) => set('logLevel', value(e) as SetupForm['logLevel'])}
          >
            {['info', 'debug', 'trace', 'warn', 'error'].map((l) => (
              <option value={l}>{l}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="as-theme">Portal theme</label>
          <select
            id="as-theme"
            data-path="theme"
            value={form.theme}
            onChange={(e) => set('theme', value(e) as SetupForm['theme'])}
          >
            {['auto', 'light', 'dark', 'grey', 'oled'].map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
        </div>
      </div>
      <p class="inline-controls">
        <label class="state-keep">
          <input
            type="checkbox"
            checked={form.useAccessBuilder}
            disabled={!accessRules}
            onChange={(e) => set('useAccessBuilder', (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {accessRules
            ? 'Use the access rules from the access-control builder'
            : 'No rules saved by the access-control builder in this browser: using 2FA for the whole domain'}
        </label>
        <button type="button" onClick={() => setStateSilently((prev) => ({ ...prev, secrets: generateAutheliaSecrets() }))}>
          Generate new secrets
        </button>
      </p>

      <h3 class="builder-heading">Users</h3>
      <ol class="rule-list">
        {form.users.map((user, i) => (
          <li class="rule">
            <fieldset data-path={`users[${i}]`} tabIndex={-1}>
              <legend>User {i + 1}</legend>
              <div class="rule-grid">
                {(['username', 'displayname', 'email', 'groups'] as const).map((key) => (
                  <div class="field">
                    <label for={`as-u${i}-${key}`}>
                      {
                        { username: 'Username', displayname: 'Display name', email: 'Email', groups: 'Groups (comma-separated)' }[
                          key
                        ]
                      }
                    </label>
                    <input
                      id={`as-u${i}-${key}`}
                      type={key === 'email' ? 'email' : 'text'}
                      data-path={`users[${i}].${key}`}
                      value={user[key]}
                      autocomplete="off"
                      spellcheck={false}
                      onInput={(e) => setUser(i, { [key]: value(e) })}
                    />
                  </div>
                ))}
                <div class="field">
                  <label for={`as-u${i}-password`}>Password (hashed here, never stored)</label>
                  <div class="inline-controls">
                    <input
                      id={`as-u${i}-password`}
                      type="password"
                      data-path={`users[${i}].password`}
                      autocomplete="new-password"
                      value={passwords[i] ?? ''}
                      onInput={(e) => setPasswords((prev) => Object.assign([...prev], { [i]: value(e) }))}
                    />
                    <button type="button" onClick={() => void hash(i)} disabled={hashing !== undefined}>
                      {hashing === i ? 'Hashing…' : 'Hash'}
                    </button>
                  </div>
                  <p class="field-hint" role="status">
                    {user.hash ? 'Hashed with argon2id.' : 'Not hashed yet.'}
                  </p>
                </div>
              </div>
              <div class="rule-actions">
                <button
                  type="button"
                  class="danger"
                  onClick={() => {
                    setState((prev) => ({ ...prev, users: prev.users.filter((_, j) => j !== i) }));
                    setPasswords((prev) => prev.filter((_, j) => j !== i));
                  }}
                >
                  Remove <span class="sr-only">user {i + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p>
        <button
          type="button"
          onClick={() => set('users', [...form.users, { username: '', displayname: '', email: '', groups: '', hash: '' }])}
        >
          Add user
        </button>
      </p>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={diagnostics} root={() => root.current} />
      <h3 class="builder-heading">Generated files</h3>
      <OutputPanel id="as-output" files={files} archiveName="authelia-config.zip" />
      <StateBar builder={builder as never} hasSecrets />
    </div>
  );
}
