/**
 * Authelia 4.39 generators — the public entry of src/lib/authelia.
 *
 * - generateAccessControl(input, options?) — the `access_control` section, with Authelia's own validator
 *   messages and checks beyond it (shadowed rules, bypass ordering, portal coverage…).
 * - matchRequest(input, request) — which rule a request hits, like `authelia access-control check-policy`.
 * - generateAutheliaConfig(options) — a complete configuration.yml for forward-auth behind Nginx Proxy Manager,
 *   with secrets inline or in files.
 * - generateUsersDatabase(users, hashes), hashPassword(password) — users_database.yml with argon2id hashes.
 * - AUTHELIA_TARGET and the other facts (facts.ts); the setup builder spec lives in builder-setup.ts (not re-exported
 *   here, so pages that only need a generator do not load the profile model).
 * - accessControlFromForm(form) and the presets — the builder form's text fields → the input model.
 */
export * from './access-control';
export * from './match';
export * from './config';
export * from './users';
export * from './argon2';
export * from './secrets';
export * from './form';
export {
  AUTHELIA_TARGET,
  AUTHELIA_SOURCE_TAG,
  AUTHELIA_NEWEST_RELEASE,
  AUTHELIA_IMAGE,
  THEMES,
  THEME_CHOICES,
  LOG_LEVELS,
  LOG_LEVEL_CHOICES,
} from './facts';
