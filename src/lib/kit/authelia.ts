/**
 * authelia/configuration.yml and authelia/users_database.yml from the Authelia setup generator (secret-files mode: no
 * secret value in the file), with the profile's access rules and users; Redis adds `session.redis`.
 */
import { accessControlFromForm } from '../authelia/form';
import { generateAutheliaConfig } from '../authelia/config';
import { CONFIGURATION_FILE_NAME } from '../authelia/config/options';
import { USERS_FILE_NAME } from '../authelia/users';
import { info, type Diagnostic, type GeneratedFile } from '../core';
import { toAccessControlForm, toAutheliaOptions, toUsers, type Profile } from '../profile/model';
import { asFile, kitSecrets } from './secrets';
import { KIT_FILES, type KitChoices, type KitExtras } from './types';

const REDIS_BLOCK = [
  '  # Sessions live in Redis (the redis service on the kit network), so they survive an Authelia restart.',
  '  # The password comes from AUTHELIA_SESSION_REDIS_PASSWORD (or its _FILE variant) in compose.yaml.',
  '  redis:',
  "    host: 'redis'",
  '    port: 6379',
];

export function renderAuthelia(
  profile: Profile,
  choices: KitChoices,
  extras: KitExtras,
): { files: GeneratedFile[]; diagnostics: Diagnostic[] } {
  const hashes = extras.passwordHashes ?? {};
  const result = generateAutheliaConfig({
    ...toAutheliaOptions(profile),
    secretsMode: 'files',
    accessControl: accessControlFromForm(toAccessControlForm(profile)),
    users: toUsers(profile).map((user) => (hashes[user.username] ? { ...user, hash: hashes[user.username]! } : user)),
  });
  const byName = new Map(result.files.map((f) => [f.name, f]));
  let config = byName.get(CONFIGURATION_FILE_NAME)?.content ?? '';
  if (choices.redis) config = config.replace(/^session:\n/m, (line) => `${line}${REDIS_BLOCK.join('\n')}\n`);
  // In the .env delivery Authelia reads each secret from its variable, not from a file.
  for (const secret of kitSecrets(choices)) {
    if (secret.fileEnv && !asFile(secret, choices)) config = config.replaceAll(secret.fileEnv, secret.env);
  }
  const users = byName.get(USERS_FILE_NAME);
  const files: GeneratedFile[] = [{ name: KIT_FILES.autheliaConfig, language: 'yaml', content: config }];
  if (users) files.push({ ...users, name: KIT_FILES.autheliaUsers });
  // A user without a digest yet is the page's next step (its hashing worker), not a broken kit: a note, as in the
  // Authelia setup builder; users_database.yml holds the placeholder that says Authelia will not start with it.
  const diagnostics = result.diagnostics.map((d) =>
    d.code === 'user-password-missing'
      ? info(
          'user-password-pending',
          `Next step: ${d.message.replace(/^User /, 'user ').replace(/, so this user cannot log in\.$/, '.')} Type a password in the kit page and press Hash, or put a digest from 'authelia crypto hash generate argon2' into users_database.yml; until then Authelia will not start with this file.`,
          d.path === undefined ? {} : { path: d.path },
        )
      : d,
  );
  return { files, diagnostics };
}
