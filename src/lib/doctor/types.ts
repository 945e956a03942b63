/**
 * The doctor's data model: a signature is a known message (its pattern and what it means), a finding is a signature
 * recognised on one or more lines of a paste.
 */

/** The tools whose messages the doctor knows. */
export type Tool = 'authelia' | 'nginx' | 'tailscale' | 'headscale' | 'cloudflared' | 'compose' | 'ssh' | 'home-assistant';

/** A builder field that fixes the cause: `builder` is an id from src/lib/builders/registry.ts, `field` its data-path. */
export interface BuilderLink {
  builder: string;
  field: string;
}

/** One fix step: what to do, and optionally the command that does it. */
export interface FixStep {
  text: string;
  command?: string;
}

export interface Signature {
  /** Stable id (never renamed once published: findings and tests refer to it). */
  id: string;
  tool: Tool;
  title: string;
  /**
   * Lower-case text every matching line contains. Checked before the pattern, so most lines cost one `includes`;
   * the pattern then confirms the exact message.
   */
  needle: string;
  /** Tested against one normalised line (at most MAX_LINE_CHARS). Literal text with bounded gaps only. */
  pattern: RegExp;
  /** Higher is more specific; findings are ordered by it. */
  specificity: number;
  /** Signatures this one refines: on a line both match, only this one reports it. */
  supersedes?: readonly string[];
  /** The cause, in this project's words. */
  cause: string;
  fix: readonly FixStep[];
  /** `/guides/<slug>/#<heading-id>`; the heading must exist (tested). */
  guide: string;
  builder?: BuilderLink;
}

export interface Finding {
  id: string;
  tool: Tool | 'config';
  title: string;
  cause: string;
  fix: readonly FixStep[];
  /** 1-based line numbers in the paste; never empty. */
  lines: number[];
  guide: string;
  builder?: BuilderLink;
  /** Extra notes computed from the paste (e.g. the splitter's findings on a pasted compose file). */
  details?: string[];
  /** What the builder's own validator says about a pasted configuration, each at its line of the paste. */
  checks?: ConfigCheck[];
  /**
   * The builder has a field that takes this paste as it is: "open this in the builder" hands the text over (in
   * memory, see src/components/builder/handoff.ts). `anchor` is the id of that field on the builder's page.
   */
  handoff?: Handoff;
}

export interface ConfigCheck {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** 1-based line (and column) in the paste, when the message points at one. */
  line?: number;
  column?: number;
}

/** Which builder field a pasted config can be handed to. */
export interface Handoff {
  builder: 'compose' | 'ssh';
  anchor: string;
}

export interface Diagnosis {
  findings: Finding[];
  redacted: string;
}
