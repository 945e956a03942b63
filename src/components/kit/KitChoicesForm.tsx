// The kit's choices (Redis, the DNS server, the tunnel, secrets) and the profile users' passwords, hashed with argon2id
// in the worker the Authelia setup builder uses. Layout only: the choice lists, their labels and every check come from
// src/lib/kit; the passwords stay in this component and only their digests go up.
import { useState } from 'preact/hooks';
import type { Diagnostic } from '../../lib/core';
import { KIT_CHOICES, type KitChoices, type KitState } from '../../lib/kit';
import { hashInWorker } from '../authelia/hasher';
import { announce } from '../builder/announce';
import { BuilderFields, CheckboxInput, SelectInput, type FieldSource } from '../builder/fields';
import type { Builder } from '../builder/useBuilder';

interface Props {
  builder: Builder<KitState, KitState>;
  /** The kit's diagnostics that point at one field path (`choices.dns`, `choices.tunnel.service`, …). */
  messagesFor: (path: string) => Diagnostic[];
  /** username → argon2id digest made so far. */
  hashes: Record<string, string>;
  onHash: (username: string, digest: string) => void;
  /** Forget the values made for the inline opt-in, so new ones are made. */
  onNewSecrets: () => void;
}

const PREFIX = 'kit';

export function KitChoicesForm({ builder, messagesFor, hashes, onHash, onNewSecrets }: Props) {
  const { profile, choices } = builder.input;
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [hashing, setHashing] = useState<string | undefined>();

  // Choices are not part of the profile: changing one keeps the kit following the profile.
  const setChoices = (patch: Partial<KitChoices>) =>
    builder.setStateSilently((prev) => ({ ...prev, choices: { ...prev.choices, ...patch } }));
  const source: FieldSource = {
    state: {},
    input: {},
    set: () => undefined,
    messagesFor,
    fix: () => false,
  };
  const services = [{ value: '', label: 'Choose a service' }, ...profile.services.map((s) => ({ value: s.name, label: s.name }))];

  const hash = async (username: string) => {
    const password = passwords[username] ?? '';
    if (password.length === 0) {
      announce(`Type a password for ${username} first`);
      return;
    }
    setHashing(username);
    try {
      onHash(username, await hashInWorker(password));
      announce(`Password for ${username} hashed`);
    } catch {
      announce('Hashing failed in this browser');
    } finally {
      setHashing(undefined);
    }
  };

  return (
    <BuilderFields source={source} prefix={PREFIX}>
      <div class="builder-row">
        <SelectInput
          path="choices.dns"
          label="Internal DNS server"
          choices={KIT_CHOICES.dns}
          value={choices.dns}
          onChange={(dns) => setChoices({ dns: dns as KitChoices['dns'] })}
        />
        <SelectInput
          path="choices.secrets"
          label="Secrets"
          choices={KIT_CHOICES.secrets}
          value={choices.secrets}
          onChange={(secrets) => setChoices({ secrets: secrets as KitChoices['secrets'] })}
        />
        <SelectInput
          path="choices.secretsDelivery"
          label="How the containers read them"
          choices={KIT_CHOICES.secretsDelivery}
          value={choices.secretsDelivery}
          onChange={(secretsDelivery) => setChoices({ secretsDelivery: secretsDelivery as KitChoices['secretsDelivery'] })}
        />
      </div>
      {choices.secrets === 'inline' && (
        <p class="inline-controls">
          <span class="field-hint">The secrets are made in this page, and the download carries them: keep it private.</span>{' '}
          <button type="button" onClick={onNewSecrets}>
            Make new secrets
          </button>
        </p>
      )}
      <CheckboxInput
        path="choices.redis"
        label="Redis for Authelia's sessions"
        hint="Logins survive an Authelia restart; without it the sessions live in Authelia's memory."
        checked={choices.redis}
        onChange={(redis) => setChoices({ redis })}
      />
      <CheckboxInput
        path="choices.tunnel.enabled"
        label="Publish one service to the internet through Cloudflare Tunnel"
        hint="That service is then public and skips the login: choose one that is meant for everyone."
        checked={choices.tunnel.enabled}
        onChange={(enabled) => setChoices({ tunnel: { ...choices.tunnel, enabled } })}
      />
      {choices.tunnel.enabled && (
        <SelectInput
          path="choices.tunnel.service"
          label="Service to publish"
          choices={services}
          value={choices.tunnel.service}
          onChange={(service) => setChoices({ tunnel: { ...choices.tunnel, service } })}
        />
      )}

      <fieldset class="builder-group">
        <legend>Passwords for users_database.yml</legend>
        <p class="field-hint">
          Each password is hashed with argon2id in this page and only the digest goes into the kit. The passwords are never
          stored; the digests are stored only with “Remember secrets on this device”.
        </p>
        {profile.users.length === 0 && <p>No users in the profile yet: add one above.</p>}
        {profile.users.map((user, i) => (
          <div class="field">
            <label for={`${PREFIX}-u${i}-password`}>Password for {user.username}</label>
            <div class="inline-controls">
              <input
                id={`${PREFIX}-u${i}-password`}
                type="password"
                data-path={`users[${i}].password`}
                autocomplete="new-password"
                value={passwords[user.username] ?? ''}
                onInput={(e) =>
                  setPasswords((prev) => ({ ...prev, [user.username]: (e.currentTarget as HTMLInputElement).value }))
                }
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  void hash(user.username);
                }}
              />
              <button type="button" onClick={() => void hash(user.username)} disabled={hashing !== undefined}>
                {hashing === user.username ? 'Hashing…' : 'Hash'} <span class="sr-only">the password for {user.username}</span>
              </button>
            </div>
            <p class="field-hint" role="status">
              {hashes[user.username] ? 'Hashed with argon2id.' : 'Not hashed yet.'}
            </p>
          </div>
        ))}
      </fieldset>
    </BuilderFields>
  );
}
