/** The options one pass over the config builds up, and what the pass carries while it reads. */
import type { Diagnostic } from '../core';
import type { OpenSshVersion } from './keywords';
import type { Connection } from './match-line';
import type { Assignment, ConfigFile, Origin } from './model';

export class Options {
  readonly set = new Map<string, Assignment>();
  readonly lists = new Map<string, Assignment[]>();
  readonly ignored = new Map<string, Assignment[]>();
  readonly ports: Assignment[] = [];
  readonly listen: { host: string; port: number; origin: Origin }[] = [];
  readonly subsystems: Assignment[] = [];

  first(keyword: string, values: string[], origin: Origin): void {
    if (this.set.has(keyword)) this.ignored.set(keyword, [...(this.ignored.get(keyword) ?? []), { values, origin }]);
    else this.set.set(keyword, { values, origin });
  }

  append(keyword: string, values: string[], origin: Origin): void {
    this.lists.set(keyword, [...(this.lists.get(keyword) ?? []), { values, origin }]);
  }
}

export interface PassContext {
  files: readonly ConfigFile[];
  connection: Connection | null;
  version: OpenSshVersion;
  options: Options;
  active: { value: boolean };
  /** Pass one reports; pass two only evaluates. */
  report: (diagnostic: Diagnostic) => void;
  /** Paths as they are read. */
  order: string[];
}
