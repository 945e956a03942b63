/** generateSshd: the drop-in, the procedure and the client entry, with the values they give on the chosen distribution. */
import type { GeneratorResult } from '../core';
import { hasErrors } from '../core';
import { checkOptions } from './checks';
import { effectiveSshd, type ConfigFile, type EffectiveResult } from './effective';
import { DROP_IN_PATH, defaultSshdOptions, splitNames, type SshdOptions } from './options';
import { dropInText, renderClient, renderDropIn, renderProcedure, type DropIn } from './render';
import { STOCK_SETS, stockSet, type StockSet } from './stock';

export const SSH_TARGET = 'OpenSSH 9.2–9.9';

export interface Simulation {
  stock: StockSet;
  /** The files sshd reads on that distribution with the drop-in in place (or at the top of sshd_config on RHEL 8). */
  files: ConfigFile[];
  /** Index of the builder's own file in `files`. */
  own: number;
  effective: EffectiveResult;
}

/** The stock files with the builder's drop-in added where sshd will read it. */
export function withDropIn(stock: StockSet, dropIn: DropIn): { files: ConfigFile[]; own: number } {
  const files: ConfigFile[] = stock.files.map(({ path, content }) => ({ path, content }));
  if (stock.readsDropIns) return { files: [...files, { path: DROP_IN_PATH, content: dropInText(dropIn) }], own: files.length };
  // No sshd_config.d: the settings go at the top of the main file, a Match block at its end.
  files[0] = { path: files[0]!.path, content: `${dropIn.main}${files[0]!.content}${dropIn.match ? `\n${dropIn.match}` : ''}` };
  return { files, own: 0 };
}

export function simulate(options: SshdOptions, dropIn: DropIn): Simulation {
  const stock = stockSet(options.distro) ?? STOCK_SETS[0]!;
  const { files, own } = withDropIn(stock, dropIn);
  const connection = {
    user: options.testUser.trim() || splitNames(options.users)[0] || 'root',
    host: 'laptop',
    addr: options.testAddr.trim() || '192.168.1.20',
  };
  const effective = effectiveSshd(files, connection, { version: stock.rules, ownPaths: [files[own]!.path] });
  return { stock, files, own, effective };
}

export function generateSshd(options: SshdOptions = defaultSshdOptions): GeneratorResult {
  const diagnostics = checkOptions(options);
  if (hasErrors(diagnostics)) return { files: [], diagnostics };
  const dropIn = renderDropIn(options, stockSet(options.distro)!);
  const simulation = simulate(options, dropIn);
  const split = !simulation.stock.readsDropIns;
  const names = split
    ? { main: 'sshd_config-top.conf', ...(dropIn.match ? { end: 'sshd_config-end.conf' } : {}) }
    : { main: '00-homelab.conf' };
  // What the simulator says about the combination (a value lost to another file, sshd refusing the files).
  diagnostics.push(
    ...simulation.effective.diagnostics
      .filter((d) => d.severity !== 'info' || d.code === 'value-shadowed')
      .map((d) => ({ ...d, path: 'effective' })),
  );
  return {
    files: [
      { name: names.main, language: 'ini', content: split ? dropIn.main : dropInText(dropIn) },
      ...(names.end ? [{ name: names.end, language: 'ini', content: dropIn.match }] : []),
      {
        name: 'procedure.sh',
        language: 'shell',
        content: renderProcedure(options, simulation.stock, simulation.effective, names),
      },
      { name: 'ssh_config', language: 'ini', content: renderClient(options) },
    ],
    diagnostics,
  };
}

/** The effective values for the options on their distribution, or undefined while the options hold errors. */
export function simulateOptions(options: SshdOptions): Simulation | undefined {
  if (hasErrors(checkOptions(options))) return undefined;
  const stock = stockSet(options.distro)!;
  return simulate(options, renderDropIn(options, stock));
}
