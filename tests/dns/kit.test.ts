/**
 * The front-door kit's dns/ files in the real servers: the dnsmasq variant passes `dnsmasq --test` and the Unbound one
 * `unbound-checkconf`; both then run on loopback and answer every proxy host with the proxy's address, while Headscale's
 * name keeps its upstream answer (a stub upstream on loopback, so nothing leaves the machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFrontDoorKit } from '../../src/lib/kit';
import { NAMED_PROFILES } from '../unit/kit/profiles';
import {
  dig,
  dnsmasqTest,
  freeUdpPort,
  requireBinaries,
  startDnsmasq,
  startStub,
  startUnbound,
  STUB_ANSWER,
  unboundCheckconf,
  unboundTestServer,
  workdir,
  type Daemon,
  type Stub,
} from './resolvers';

let stub: Stub;
const ws = workdir('kit-dns-');
beforeAll(async () => {
  requireBinaries();
  stub = await startStub();
});
afterAll(async () => {
  await stub?.close();
  ws.remove();
});

const toLoopbackDnsmasq = (conf: string, port: number) => conf.replace(/^server=([^/\n]+)$/gmu, `server=127.0.0.1#${port}`);
const toLoopbackUnbound = (conf: string, port: number) => conf.replace(/^(\s*forward-addr:).*$/gmu, `$1 127.0.0.1@${port}`);

const CASES = [
  { title: 'headscale profile, dnsmasq', ...NAMED_PROFILES.headscale!, server: 'dnsmasq' as const },
  { title: 'headscale profile, Unbound', ...NAMED_PROFILES.headscale!, server: 'unbound' as const },
  { title: 'family profile, Unbound', ...NAMED_PROFILES['family with two groups']!, server: 'unbound' as const },
  { title: 'custom subdomain, dnsmasq', ...NAMED_PROFILES['custom internal subdomain']!, server: 'dnsmasq' as const },
];

describe('the kit DNS files in dnsmasq and Unbound', () => {
  for (const c of CASES)
    it(c.title, async () => {
      const { files } = generateFrontDoorKit(c.profile, { ...c.choices, dns: c.server });
      const file = files.find((f) => f.name === `dns/homelab-${c.server}.conf`);
      expect(file).toBeDefined();
      const hosts = files
        .filter((f) => f.name.startsWith('npm/') && f.name.endsWith('.advanced.conf'))
        .map((f) => f.name.slice(4, -'.advanced.conf'.length));
      const port = await freeUdpPort();
      let daemon: Daemon | undefined;
      try {
        if (c.server === 'dnsmasq') {
          const checked = dnsmasqTest(ws.file('check-dnsmasq.conf', file!.content));
          expect(checked.ok, checked.output).toBe(true);
          const conf = ws.file('run-dnsmasq.conf', toLoopbackDnsmasq(file!.content, stub.port));
          daemon = await startDnsmasq(conf, port, stub.port, hosts[0]!);
        } else {
          const checked = unboundCheckconf(ws.file('check-unbound.conf', file!.content));
          expect(checked.ok, checked.output).toBe(true);
          const conf = ws.file(
            'run-unbound.conf',
            unboundTestServer(ws.root, port) + toLoopbackUnbound(file!.content, stub.port),
          );
          daemon = await startUnbound(conf, port, hosts[0]!);
        }
        for (const host of hosts) expect(await dig(port, host), host).toEqual([c.profile.serverIp]);
        if (c.profile.coordination === 'headscale') {
          const headscale = new URL(c.profile.headscaleUrl).hostname;
          expect(await dig(port, headscale), headscale).toEqual([STUB_ANSWER]);
        }
      } finally {
        await daemon?.stop();
      }
    });
});
