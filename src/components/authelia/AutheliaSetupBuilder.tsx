import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  autheliaSetupBuilderWith,
  emptySetupUser,
  SETUP_SMTP_FIELDS,
  SETUP_SWITCHES,
  SETUP_TEXT_FIELDS,
  SETUP_USER_FIELDS,
  type AutheliaSetupState,
  type SetupSmtpForm,
  type SetupTextField,
  type SetupUserForm,
} from '../../lib/authelia/builder-setup';
import { accessControlFromForm, defaultAccessControlForm } from '../../lib/authelia/form';
import { generateAutheliaSecrets } from '../../lib/authelia/secrets';
import {
  hashRequestProblem,
  lossMessage,
  secretValuesIn,
  unsavedSecrets,
  withFinishedHash,
  withPasswordEdited,
} from '../../lib/authelia/setup-secrets';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { FieldMessages } from '../builder/FieldMessages';
import { BuilderFields, CheckboxInput, fieldId, SelectInput, TextInput } from '../builder/fields';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { ProfilePanel } from '../builder/ProfilePanel';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { useBuilder } from '../builder/useBuilder';
import { readStoredState } from '../builder/useBuilderState';
import { hashInWorker } from './hasher';

/** The access-control builder (Layer 3 guide) as this browser stores it: its id, defaults and state version. */
const ACCESS_BUILDER = { id: 'access', defaults: defaultAccessControlForm, schema: { version: 1, secretKeys: [] } };

function Text({ path }: { path: SetupTextField }) {
  return <TextInput path={path} {...SETUP_TEXT_FIELDS[path]} />;
}

/** The Authelia setup builder: configuration.yml, users and secrets; the rules live in src/lib/authelia. */
export default function AutheliaSetupBuilder() {
  // Read once: the other builder's rules as stored when this page opened.
  const accessRules = useMemo(() => readStoredState(ACCESS_BUILDER), []);
  const spec = useMemo(() => autheliaSetupBuilderWith(accessRules ? accessControlFromForm(accessRules) : undefined), []);
  const builder = useBuilder(spec);
  const { state: form, setState, setStateSilently } = builder;
  const root = useRef<HTMLDivElement>(null);
  const [passwords, setPasswords] = useState<string[]>([]);
  // The passwords as typed now, for a digest the worker finishes later (it must still belong to them).
  const typed = useRef<string[]>([]);
  typed.current = passwords;
  const [hashing, setHashing] = useState<number | undefined>();
  const [emptyHash, setEmptyHash] = useState<number | undefined>();
  // Digests and secrets the reader copied or downloaded: a reload no longer loses them.
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const loss = lossMessage(
    unsavedSecrets({ state: form, secretsInOutput: builder.applies('secrets'), keepSecrets: builder.keepSecrets, saved }),
  );

  // Secrets are made in this page with crypto.getRandomValues, once, and kept until regenerated.
  useEffect(() => {
    if (!form.secrets.jwt) setStateSilently((prev) => ({ ...prev, secrets: generateAutheliaSecrets() }));
  }, [form.secrets.jwt]);

  // Ask before a reload or leaving only while something would be lost (the note at the top says what).
  useEffect(() => {
    if (!loss) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [Boolean(loss)]);

  const state = useRef(form);
  state.current = form;
  // Copy, Download (this file or all) and a copied selection in the output keep the secrets they hold.
  const keep = (text: string) => {
    const found = secretValuesIn(text, form);
    if (found.length) setSaved((prev) => new Set([...prev, ...found]));
  };

  const setSmtp = (key: keyof SetupSmtpForm, value: string) =>
    setState((prev) => ({ ...prev, smtp: { ...prev.smtp, [key]: value } }));
  const setUser = (index: number, patch: Partial<SetupUserForm>) =>
    setState((prev) => ({ ...prev, users: prev.users.map((u, i) => (i === index ? { ...u, ...patch } : u)) }));
  const setPassword = (index: number, password: string) => {
    typed.current = Object.assign([...typed.current], { [index]: password });
    setPasswords(typed.current);
    setStateSilently((prev) => withPasswordEdited(prev, index));
    if (emptyHash === index) setEmptyHash(undefined);
  };

  const hash = async (index: number) => {
    const password = passwords[index] ?? '';
    if (hashRequestProblem(password)) {
      setEmptyHash(index);
      root.current?.querySelector<HTMLInputElement>(`#as-u${index}-password`)?.focus();
      return;
    }
    setHashing(index);
    try {
      const digest = await hashInWorker(password);
      const { accepted } = withFinishedHash(state.current, { index, password }, digest, typed.current);
      if (accepted) setStateSilently((prev) => withFinishedHash(prev, { index, password }, digest, typed.current).state);
      announce(
        accepted
          ? `Password for ${form.users[index]?.username || 'the user'} hashed`
          : 'The password changed while it was being hashed; press Hash again',
      );
    } catch {
      announce('Hashing failed in this browser');
    } finally {
      setHashing(undefined);
    }
  };

  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const smtpPasswordId = fieldId('as', 'smtp.password');
  const smtpPasswordMessages = builder.messagesFor('smtp.password');

  return (
    <div class="builder" ref={root} data-pagefind-ignore="all" onCopy={() => keep(String(document.getSelection()))}>
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      {loss && (
        <p class="state-notice" data-unsaved>
          {loss}{' '}
          <button type="button" onClick={() => builder.setKeepSecrets(true)}>
            Remember secrets on this device
          </button>
        </p>
      )}
      <BuilderFields builder={builder} prefix="as">
        <div class="builder-row">
          <Text path="domain" />
          <Text path="autheliaUrl" />
          <Text path="defaultRedirectionUrl" />
          <Text path="totpIssuer" />
        </div>
        <div class="builder-row">
          <SelectInput path="secretsMode" label="Secrets" />
          <SelectInput path="logLevel" label="Log level" />
          <SelectInput path="theme" label="Portal theme" />
        </div>
        <p class="inline-controls">
          <label class="state-keep">
            <input
              type="checkbox"
              data-path="useAccessBuilder"
              checked={form.useAccessBuilder}
              disabled={!accessRules}
              onChange={(e) => builder.set('useAccessBuilder', (e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {accessRules
              ? 'Use the access rules from the access-control builder'
              : 'No rules saved by the access-control builder in this browser: using 2FA for the whole domain'}
          </label>
          {builder.applies('secrets') && (
            <button type="button" onClick={() => setStateSilently((prev) => ({ ...prev, secrets: generateAutheliaSecrets() }))}>
              Generate new secrets
            </button>
          )}
        </p>

        <fieldset class="builder-group">
          <legend>Hardening</legend>
          <CheckboxInput path="authzCookieOnly" {...SETUP_SWITCHES.authzCookieOnly} />
          <CheckboxInput path="passwordPolicy" {...SETUP_SWITCHES.passwordPolicy} />
          <SelectInput path="notifier" label="Emails (password reset, new devices)" />
          {builder.applies('smtp.host') && (
            <div class="builder-row">
              {(['host', 'port', 'sender', 'username'] as const).map((key) => (
                <TextInput
                  path={`smtp.${key}`}
                  {...SETUP_SMTP_FIELDS[key]}
                  value={form.smtp[key]}
                  onInput={(next) => setSmtp(key, next)}
                />
              ))}
              {builder.applies('smtp.password') && (
                <div class="field">
                  <label for={smtpPasswordId}>{SETUP_SMTP_FIELDS.password.label}</label>
                  <input
                    id={smtpPasswordId}
                    type="password"
                    data-path="smtp.password"
                    autocomplete="off"
                    value={form.smtp.password}
                    aria-describedby={`${smtpPasswordId}-hint ${smtpPasswordId}-messages`}
                    onInput={(e) => setSmtp('password', value(e))}
                  />
                  <p class="field-hint" id={`${smtpPasswordId}-hint`}>
                    {SETUP_SMTP_FIELDS.password.hint}
                  </p>
                  <FieldMessages id={`${smtpPasswordId}-messages`} items={smtpPasswordMessages} />
                </div>
              )}
            </div>
          )}
        </fieldset>

        <h3 class="builder-heading">Users</h3>
        <ol class="rule-list">
          {form.users.map((user, i) => (
            <li class="rule">
              <fieldset data-path={`users[${i}]`} tabIndex={-1}>
                <legend>User {i + 1}</legend>
                <div class="rule-grid">
                  {(Object.keys(SETUP_USER_FIELDS) as (keyof typeof SETUP_USER_FIELDS)[]).map((key) => (
                    <TextInput
                      path={`users[${i}].${key}`}
                      label={SETUP_USER_FIELDS[key]}
                      value={user[key]}
                      onInput={(next) => setUser(i, { [key]: next })}
                    />
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
                        aria-invalid={emptyHash === i ? 'true' : undefined}
                        aria-describedby={`as-u${i}-hashed${emptyHash === i ? ` as-u${i}-empty` : ''}`}
                        onInput={(e) => setPassword(i, value(e))}
                      />
                      <button type="button" onClick={() => void hash(i)} disabled={hashing !== undefined}>
                        {hashing === i ? 'Hashing…' : 'Hash'}
                      </button>
                    </div>
                    {emptyHash === i && (
                      <p class="field-message field-message-error" id={`as-u${i}-empty`} role="alert">
                        {hashRequestProblem('')}
                      </p>
                    )}
                    <p class="field-hint" id={`as-u${i}-hashed`} role="status">
                      {user.hash ? 'Hashed with argon2id.' : 'Not hashed yet.'}
                    </p>
                  </div>
                </div>
                <div class="rule-actions">
                  <button
                    type="button"
                    class="danger"
                    onClick={() => {
                      setState((prev: AutheliaSetupState) => ({ ...prev, users: prev.users.filter((_, j) => j !== i) }));
                      typed.current = typed.current.filter((_, j) => j !== i);
                      setPasswords(typed.current);
                      setEmptyHash(undefined);
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
            onClick={() => {
              const index = form.users.length;
              builder.set('users', [...form.users, { ...emptySetupUser }]);
              announce(`User ${index + 1} added`);
              // The keyboard goes to the new row's first field.
              window.requestAnimationFrame(() => document.getElementById(fieldId('as', `users[${index}].username`))?.focus());
            }}
          >
            Add user
          </button>
        </p>
      </BuilderFields>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={builder.diagnostics} root={() => root.current} />
      <BuilderOutput id="as" title="Generated files">
        <OutputPanel
          id="as-output"
          files={builder.files}
          diagnostics={builder.diagnostics}
          root={() => root.current}
          archiveName="authelia-config.zip"
          onExport={(exported) => exported.forEach((file) => keep(file.content))}
        />
      </BuilderOutput>
      <StateBar builder={builder} hasSecrets />
    </div>
  );
}
