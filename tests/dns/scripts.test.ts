/**
 * The generated shell scripts, run for real on this machine: technitium-api.sh with curl against a fake Technitium HTTP
 * API on 127.0.0.1 (the calls, their parameters, the token only in the POST body), and `bash -n` on checks.sh.
 * AdGuardHome.yaml is parsed as YAML. Pi-hole, AdGuard Home and Technitium themselves are not run here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultInternalDnsOptions, DNS_SERVERS, generateInternalDns, type InternalDnsOptions } from '../../src/lib/dns';
import { workdir } from './resolvers';

const ws = workdir('dns-scripts-');
afterAll(() => ws.remove());

const file = (o: Partial<InternalDnsOptions>, name: string) =>
  generateInternalDns({ ...defaultInternalDnsOptions, ...o }).files.find((f) => f.name === name)?.content ?? '';

interface Seen {
  method: string;
  url: string;
  params: Record<string, string>;
}

async function fakeTechnitium(
  script: string,
  env: Record<string, string>,
): Promise<{ seen: Seen[]; status: number | null; out: string }> {
  const seen: Seen[] = [];
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let b = '';
      req.on('data', (d: Buffer) => (b += d.toString()));
      req.on('end', () => resolve(b));
    });
  const server = createServer((req, res) => {
    void body(req).then((b) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', params: Object.fromEntries(new URLSearchParams(b)) });
      res.setHeader('content-type', 'application/json');
      res.end('{"status":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const path = ws.file('technitium-api.sh', script);
  const child = spawn('sh', [path], {
    env: { PATH: process.env.PATH ?? '', TECHNITIUM_URL: `http://127.0.0.1:${port}`, ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const status = await new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await new Promise<void>((r) => server.close(() => r()));
  return { seen, status, out };
}

describe('technitium-api.sh against a fake Technitium API', () => {
  it('creates a Primary zone for the internal subdomain and the wildcard records; the token only in the body', async () => {
    const { seen, status, out } = await fakeTechnitium(file({ server: 'technitium' }, 'technitium-api.sh'), { TOKEN: 's3cret' });
    expect(status, out).toBe(0);
    expect(out).not.toContain('s3cret');
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/api/zones/create'],
      ['POST', '/api/zones/records/add'],
      ['POST', '/api/zones/records/add'],
    ]);
    for (const s of seen) expect(s.params.token).toBe('s3cret');
    expect(seen[0]?.params).toMatchObject({ zone: 'home.example.com', type: 'Primary' });
    expect(seen[1]?.params).toMatchObject({
      zone: 'home.example.com',
      domain: '*.home.example.com',
      type: 'A',
      ipAddress: '192.168.1.10',
    });
    expect(seen[2]?.params).toMatchObject({ domain: 'home.example.com', type: 'A', ipAddress: '192.168.1.10' });
  });
  it('a Conditional Forwarder zone with FWD exceptions when public names share the zone', async () => {
    const script = file({ server: 'technitium', zone: '', publicNames: 'blog.example.com' }, 'technitium-api.sh');
    const { seen, status, out } = await fakeTechnitium(script, { TOKEN: 't' });
    expect(status, out).toBe(0);
    expect(seen[0]?.params).toMatchObject({
      zone: 'example.com',
      type: 'Forwarder',
      forwarder: 'this-server',
      initializeForwarder: 'true',
    });
    expect(seen.at(-1)?.params).toMatchObject({
      domain: 'blog.example.com',
      type: 'FWD',
      forwarder: 'this-server',
      protocol: 'Udp',
    });
  });
  it('refuses to run without TOKEN and makes no call', async () => {
    const { seen, status, out } = await fakeTechnitium(file({ server: 'technitium' }, 'technitium-api.sh'), {});
    expect(status).not.toBe(0);
    expect(out).toContain('TOKEN');
    expect(seen).toEqual([]);
  });
});

describe('other formats', () => {
  it.each(DNS_SERVERS)('checks.sh passes bash -n (%s)', (server) => {
    const path = ws.file('checks.sh', file({ server, publicNames: 'blog.example.com' }, 'checks.sh'));
    const r = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
  it('AdGuardHome.yaml parses, with rewrites under filtering:', () => {
    const doc = parse(file({ server: 'adguard', zone: '', publicNames: 'blog.example.com' }, 'AdGuardHome.yaml')) as {
      filtering: { rewrites: { domain: string; answer: string; enabled: boolean }[] };
      dns: { upstream_dns: string[] };
    };
    expect(doc.filtering.rewrites).toEqual([
      { domain: '*.example.com', answer: '192.168.1.10', enabled: true },
      { domain: 'example.com', answer: '192.168.1.10', enabled: true },
      { domain: 'blog.example.com', answer: 'A', enabled: true },
      { domain: 'blog.example.com', answer: 'AAAA', enabled: true },
    ]);
    expect(doc.dns.upstream_dns).toEqual(['9.9.9.9', '149.112.112.112']);
  });
});
