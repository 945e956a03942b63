/**
 * Facts about Authelia the generators target: the version, the choice lists its configuration accepts, the image
 * tag and the schema addresses. One place to change when the project moves to a new Authelia line.
 *
 * Sources (pinned): https://github.com/authelia/authelia/tree/v4.39.20 — themes
 * (internal/configuration/validator/const.go#L530 `validThemeNames`), log levels (#L532 `validLogLevels`), schemas
 * (docs/static/schemas/v4.39/json-schema/), image tags (https://hub.docker.com/r/authelia/authelia/tags).
 */

/** The upstream every Authelia output targets; used in provenance headers and builder specs. */
export const AUTHELIA_TARGET = 'Authelia 4.39';

/** The tag the project's checks and citations were read at. */
export const AUTHELIA_SOURCE_TAG = 'v4.39.20';

/** The newest 4.39 release published when these facts were last checked (2026-12-02, GitHub releases page). */
export const AUTHELIA_NEWEST_RELEASE = '4.39.24';

/** The 4.39 line of the official image: patch releases only, never a new minor version with changed keys. */
export const AUTHELIA_IMAGE = 'authelia/authelia:4.39';

export const CONFIGURATION_SCHEMA_URL = 'https://www.authelia.com/schemas/v4.39/json-schema/configuration.json';
export const USER_DATABASE_SCHEMA_URL = 'https://www.authelia.com/schemas/v4.39/json-schema/user-database.json';

export type AutheliaTheme = 'light' | 'dark' | 'grey' | 'oled' | 'auto';
export type AutheliaLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** `theme` values in Authelia's order (const.go#L530; its messages list them this way). */
export const THEMES: readonly AutheliaTheme[] = ['light', 'dark', 'grey', 'oled', 'auto'];

/** `theme` values in the order the builder offers them: the one that follows the device first. */
export const THEME_CHOICES: readonly AutheliaTheme[] = ['auto', 'light', 'dark', 'grey', 'oled'];

/** `log.level` values in Authelia's order (const.go#L532; its messages list them this way). */
export const LOG_LEVELS: readonly AutheliaLogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/** `log.level` values in the order the builder offers them: the recommended one first. */
export const LOG_LEVEL_CHOICES: readonly AutheliaLogLevel[] = ['info', 'debug', 'trace', 'warn', 'error'];
