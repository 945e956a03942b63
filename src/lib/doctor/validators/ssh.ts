/**
 * Pasted sshd_config files or `sshd -T` output through the SSH builder's own reader (src/lib/ssh/paste.ts): the same
 * simulation and checks as its "Check your server as it is now" field, for the builder's default distribution,
 * connecting user and address. Its messages already carry the paste's line numbers.
 */
import { defaultSshdOptions } from '../../ssh/options';
import { analysePaste } from '../../ssh/paste';
import { stockSet } from '../../ssh/stock';
import type { ConfigCheck } from '../types';

const MAX_CHECKS = 30;

export function sshdChecks(text: string): ConfigCheck[] {
  const stock = stockSet(defaultSshdOptions.distro);
  if (!stock) return [];
  const analysis = analysePaste(
    text,
    { user: defaultSshdOptions.testUser, host: 'laptop', addr: defaultSshdOptions.testAddr },
    stock.rules,
  );
  return analysis.diagnostics.slice(0, MAX_CHECKS).map((diagnostic) => ({
    severity: diagnostic.severity,
    message: diagnostic.message.replace(/^Line \d+(?::\d+)?: /, ''),
    ...(diagnostic.line === undefined ? {} : { line: diagnostic.line }),
    ...(diagnostic.column === undefined ? {} : { column: diagnostic.column }),
  }));
}
