/**
 * Compose/.env splitter: Compose v2's `.env` reading and interpolation, and a splitter that moves inline secrets out of a
 * compose file into `.env` (or Docker secrets) while keeping the rest of the file byte for byte.
 */

/** Parses a project `.env` exactly as Docker Compose v2 does; throws an Error naming the line on input Compose rejects. */
export { parseDotenv } from './dotenv';
/** The safest `.env` spelling of any value (single quotes, or an escaped double-quoted form); round-trips through parseDotenv. */
export { encodeDotenvValue } from './dotenv';
/** Compose's `${…}` interpolation; throws InterpolationError worded as Compose prints it. */
export { interpolate, InterpolationError } from './interpolate';
/** Splits a compose file into compose + .env + .env.example + .gitignore (+ secret files); never throws. */
export { splitCompose, splitWithFindings, findSecrets, defaultSplitOptions, MAX_INPUT_CHARS } from './split';
export type { SplitOptions, Finding, FindingField, SplitWithFindings } from './split';
/** The one rule for which values move, and the counts a reader sees (secret, moved, left inline). */
export { isMoved, leftInline, summarize, fieldWords } from './split';
export type { SplitSummary } from './split';
export type { DetectionRule } from './detect';
/** Three sample compose files with inline secrets, for trying the splitter. */
export { samples } from './samples';
export type { ComposeSample } from './samples';
/** The splitter as a builder spec (id `compose`), with its state rules. */
export { composeBuilder, generateCompose, applyComposeFix } from './builder';
export { canShare, toggleMove, toComposeInput, COMPOSE_DEFAULTS, COMPOSE_SCHEMA } from './state';
export type { ComposeState, ComposeInput } from './state';
export { COMPOSE_TARGET } from './facts';
