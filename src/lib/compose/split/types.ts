/**
 * The splitter's public option and finding types, and the working state its stages share. Types only, so every stage
 * can import them without an import cycle.
 */
import type { LineCounter, Scalar } from 'yaml';
import type { Diagnostic } from '../../core';
import type { DetectionRule } from '../detect';
import type { ComposeModel, EnvEntry } from '../model';

export interface SplitOptions {
  /** Finding id → move (true) or keep inline (false). Ids not listed follow detection (secrets move, the rest stay). */
  move?: Record<string, boolean>;
  /** `env`: reference `.env` variables; `secrets`: Docker secrets + `*_FILE` where the image supports it. */
  mode?: 'env' | 'secrets';
  /** Secrets mode: read each secret from a `.env` variable (Compose ≥ 2.6.0) or from a file under `secrets/`. */
  secretSource?: 'environment' | 'file';
  /** Name of the compose file in the output. */
  composeFileName?: string;
}

export const defaultSplitOptions: Readonly<Required<SplitOptions>> = Object.freeze({
  move: {},
  mode: 'env',
  secretSource: 'environment',
  composeFileName: 'compose.yaml',
});

/** Where a finding's value is written in its service. */
export type FindingField = 'environment' | 'labels' | 'command' | 'entrypoint' | 'healthcheck' | 'other';

const FIELD_WORDS: Record<FindingField, string> = {
  environment: 'environment',
  labels: 'labels',
  command: 'command',
  entrypoint: 'entrypoint',
  healthcheck: 'healthcheck test',
  other: 'settings',
};

/** How a reader names the place a value is written: `command`, `healthcheck test`… */
export function fieldWords(field: FindingField): string {
  return FIELD_WORDS[field];
}

export interface Finding {
  /** Stable id (the value's place in the file); use it as the key in `SplitOptions.move`. */
  id: string;
  /** The variable or label name; for a value inside a command, how it is passed (`--requirepass`, `-p`…). */
  key: string;
  field: FindingField;
  services: string[];
  form: 'map' | 'list';
  /** True when detection flags the value as a secret (moved by default). */
  secret: boolean;
  rule: DetectionRule | undefined;
  /** Why it is (or is not) treated as a secret; never contains the value. */
  reason: string;
  /** False when the value cannot be moved (it refers to variables, is empty, invalid…). */
  movable: boolean;
  line: number;
  column: number;
  /** Source offsets of the value's scalar, for highlighting. */
  range: [number, number];
}

/** A secret inside a command, health check or URL, replaced in place by a `${VAR}` reference. */
export interface InlineValue {
  /** Stable id: the scalar's place in the file and how the value is passed, e.g. `services.redis.command:--requirepass`. */
  id: string;
  field: FindingField;
  services: string[];
  node: Scalar;
  /** The scalar sits in a flow collection (`[…]`, `{…}`), where plain text may not hold `{` or `}`. */
  inFlow: boolean;
  form: 'map' | 'list';
  /** Offsets of the replaced text in the scalar's value. */
  start: number;
  end: number;
  /** The value the program receives (`$$` read as `$`). */
  value: string;
  label: string;
  variable: string;
  rule: DetectionRule;
  reason: string;
  /** Why it cannot be replaced in place, when it cannot. */
  blocker?: string;
}

/** Larger pastes are refused with a message instead of freezing the page. */
export const MAX_INPUT_CHARS = 1_048_576;

/** One replacement in the pasted text (an insertion when start = end). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Values moved together: one `.env` variable (and, in secrets mode, one Docker secret). */
export interface Group {
  name: string;
  key: string;
  value: string;
  entries: EnvEntry[];
  /** The same value inside commands, health checks or URLs, replaced by the same variable. */
  inline: InlineValue[];
  findings: Finding[];
  /** Secrets mode: the secret's name, when every entry could be switched to a `*_FILE` variable. */
  secret: string | undefined;
}

/** What every stage of one split reads and appends to. */
export interface Context {
  src: string;
  /** The line break the pasted text uses (`\r\n` or `\n`), for inserted lines. */
  nl: string;
  model: ComposeModel;
  lines: LineCounter;
  options: Required<SplitOptions>;
  diagnostics: Diagnostic[];
  edits: Edit[];
}
