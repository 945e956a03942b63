/** The simulator's data shapes. */
import type { Diagnostic } from '../core';

export interface ConfigFile {
  path: string;
  content: string;
}

export interface Origin {
  /** Index into the files given. */
  file: number;
  path: string;
  line: number;
  text: string;
}

export interface Assignment {
  values: string[];
  origin: Origin;
}

export interface EffectiveResult {
  /** Keyword (lower case) → the lines `sshd -T` prints for it, one entry per line, values spelled as it prints them. */
  values: Record<string, string[]>;
  diagnostics: Diagnostic[];
  /** Where each value that a file set came from; keywords left at their default have no entry. */
  sources: Record<string, Origin>;
  /** Later lines that set a keyword again and were ignored, per keyword. */
  ignored: Record<string, Assignment[]>;
  /** Keywords a Match block for this connection changed, with the block's line. */
  fromMatch: Record<string, Origin>;
  /** The files in the order sshd reads them (the main file first, each drop-in where its Include stands). */
  order: string[];
  /** Whether sshd would refuse to start (`sshd -t` fails). */
  fatal: boolean;
}
