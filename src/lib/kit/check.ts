/**
 * checkFrontDoorKit: the joins between the kit's files, where hand-joined stacks break. It reads only the files, so it
 * checks a kit the reader edited too. Every diagnostic names the file (`path`) and, where it can, the `line`.
 * - compose.yaml ↔ .env.example, inline secrets, published ports: ./check-compose.ts
 * - configuration.yml ↔ snippets ↔ npm/checklist.md (cookie domains, rules, portal URL, upstreams): ./check-access.ts
 * - dns/ ↔ proxy hosts and Headscale's URL: ./check-dns.ts
 */
import { error, type Diagnostic, type GeneratedFile } from '../core';
import { checkAccess } from './check-access';
import { checkCompose } from './check-compose';
import { checkDns } from './check-dns';
import { KIT_FILES } from './types';

export function checkFrontDoorKit(files: readonly GeneratedFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const compose = files.find((f) => f.name === KIT_FILES.compose);
  const envExample = files.find((f) => f.name === KIT_FILES.envExample);
  let proxyIp: string | undefined;
  if (!compose) out.push(error('kit-file-missing', 'The kit has no compose.yaml.', { path: KIT_FILES.compose }));
  else {
    const result = checkCompose(compose.content, envExample?.content);
    out.push(...result.diagnostics);
    proxyIp = result.facts.proxyIp;
  }
  out.push(...checkAccess(files), ...checkDns(files, proxyIp));
  return out;
}
