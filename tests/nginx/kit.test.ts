/**
 * The front-door kit's NPM snippets in a real nginx: every npm/<host>.advanced.conf, pasted into an NPM 2.15-shaped
 * proxy host with the Details values npm/checklist.md gives for it (scheme, forward host and port, Force SSL with a
 * certificate), passes `nginx -t`, for the named profiles and a sample of generated ones.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFrontDoorKit, KIT_FILES, type KitChoices } from '../../src/lib/kit';
import type { Profile } from '../../src/lib/profile';
import { readChecklist } from '../../src/lib/kit/check-access';
import { kitCaseArb, NAMED_PROFILES } from '../unit/kit/profiles';
import { createWorkspace, type Workspace } from './nginx';
import type { ProxyHostConf } from './npm-template';

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace('kit-nginx-');
});
afterAll(() => ws?.remove());

function proxyHosts(profile: Profile, choices: KitChoices): ProxyHostConf[] {
  const { files, diagnostics } = generateFrontDoorKit(profile, choices);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const checklist = files.find((f) => f.name === KIT_FILES.npmChecklist)!.content;
  const forwards = new Map(
    checklist
      .split('\n')
      .map((line) => /^- Forward: (https?):\/\/([^:]+):(\d+)$/.exec(line))
      .filter((m) => m !== null)
      .map((m, i) => [
        readChecklist(checklist).hosts[i]!.host,
        { scheme: m[1] as 'http' | 'https', host: m[2]!, port: Number(m[3]) },
      ]),
  );
  const snippets = files.filter((f) => f.name.startsWith('npm/') && f.name.endsWith('.advanced.conf'));
  expect(snippets.length).toBe(forwards.size);
  return snippets.map((file, i) => {
    const hostname = file.name.slice('npm/'.length, -'.advanced.conf'.length);
    const forward = forwards.get(hostname);
    if (!forward) throw new Error(`npm/checklist.md has no Forward line for ${hostname}`);
    return {
      id: i + 1,
      hostname,
      forwardScheme: forward.scheme,
      forwardHost: forward.host,
      forwardPort: forward.port,
      advanced: file.content,
      blockExploits: true,
      ssl: { certificate: true, http2: true, forceSsl: true, hsts: false, hstsSubdomains: false },
    };
  });
}

function expectNginxOk(hosts: ProxyHostConf[]): void {
  ws.write(hosts);
  const result = ws.test();
  expect(result.ok, `nginx -t failed:\n${result.output}\n\n${result.ok ? '' : ws.dump()}`).toBe(true);
}

describe('nginx -t on the kit snippets in NPM-shaped proxy hosts', () => {
  for (const [name, { profile, choices }] of Object.entries(NAMED_PROFILES))
    it(name, () => {
      expectNginxOk(proxyHosts(profile, choices));
    });

  it('generated profiles (every snippet of 12 kits in one nginx -t each)', () => {
    fc.assert(
      fc.property(kitCaseArb, ({ profile, choices }) => {
        expectNginxOk(proxyHosts(profile, choices));
      }),
      { numRuns: 12, seed: 20261202 },
    );
  });
});
