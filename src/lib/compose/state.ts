/**
 * The compose splitter's state and the rules on it that the island needs before the splitter library has loaded:
 * defaults, schema (the pasted file is a secret: never in a link, in storage only after the opt-in), choices, the
 * splitter's input, toggling a value, and whether a share link would carry anything. No YAML here: this module is
 * part of the page's first script, the splitter arrives later.
 */
import type { Choice } from '../builders/spec';
import { changedFields, stripSecrets, type StateSchema } from '../core/share';
import type { Finding, SplitOptions } from './split/types';

export interface ComposeState {
  /** The pasted compose file, exactly as typed. */
  composeSource: string;
  mode: 'env' | 'secrets';
  secretSource: 'environment' | 'file';
  /** Finding id → move (true) or keep inline (false); only the choices that differ from detection. */
  move: Record<string, boolean>;
}

export interface ComposeInput {
  source: string;
  options: SplitOptions;
}

export const COMPOSE_DEFAULTS: ComposeState = Object.freeze({
  composeSource: '',
  mode: 'env',
  secretSource: 'environment',
  move: {},
}) as ComposeState;

export const COMPOSE_SCHEMA: StateSchema = { version: 1, secretKeys: ['composeSource'] };

export const MODE_CHOICES: readonly Choice<ComposeState['mode']>[] = [
  { value: 'env', label: '.env variables' },
  { value: 'secrets', label: 'Docker secrets (…_FILE variables where the image reads them)' },
];

export const SECRET_SOURCE_CHOICES: readonly Choice<ComposeState['secretSource']>[] = [
  { value: 'environment', label: 'a .env variable (Compose 2.6.0 or later)' },
  { value: 'file', label: 'a file under secrets/, written by create-secrets.sh' },
];

/** The splitter's input from a state that may come from a hand-edited link: unknown values fall back to defaults. */
export function toComposeInput(state: ComposeState): ComposeInput {
  const move: Record<string, boolean> = {};
  for (const [id, value] of Object.entries(state.move ?? {})) if (typeof value === 'boolean') move[id] = value;
  return {
    source: typeof state.composeSource === 'string' ? state.composeSource : '',
    options: {
      mode: state.mode === 'secrets' ? 'secrets' : 'env',
      secretSource: state.secretSource === 'file' ? 'file' : 'environment',
      move,
    },
  };
}

/** The state after the reader ticks (move) or unticks a finding: only choices that differ from detection are kept. */
export function toggleMove(state: ComposeState, finding: Pick<Finding, 'id' | 'secret'>, move: boolean): ComposeState {
  const next = { ...state.move };
  if (move === finding.secret) delete next[finding.id];
  else next[finding.id] = move;
  return { ...state, move: next };
}

/** Whether a share link would carry anything: the pasted text never goes into one, so only the choices can. */
export function canShare(state: ComposeState): boolean {
  return Object.keys(stripSecrets(changedFields(state, COMPOSE_DEFAULTS), COMPOSE_SCHEMA.secretKeys)).length > 0;
}
