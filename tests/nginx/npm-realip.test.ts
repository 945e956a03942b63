/**
 * The real-client-IP section in a running nginx (NPM-2.15-shaped template, TLS): loopback aliases stand in for the
 * hops (Linux answers on all of 127.0.0.0/8 without setup). NPM's http-level trust of private ranges is stood in for by
 * trusting 127.0.0.0/8 at http level, where NPM writes its generated ranges.
 *   127.0.0.2 Cloudflare's edge   127.0.0.3 cloudflared on the Docker network   127.0.0.4 any other LAN or Docker client
 *   127.0.0.5 a relay proxy on the tailnet
 * Each request carries forged X-Forwarded-For / X-Real-IP / CF-Connecting-IP; the test asserts the address the app
 * sees (X-Real-IP and X-Forwarded-For = nginx's $remote_addr) and the one Authelia sees (X-Forwarded-For on the
 * subrequest). Every nginx and server started here is stopped in afterAll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDFLARE_RANGES, generateNpmSnippets, type NpmOptions, type RealIpOptions } from '../../src/lib/npm';
import {
  ask,
  SESSION_COOKIE,
  startEchoUpstream,
  startFakeAuthelia,
  type AuthCall,
  type Echo,
  type Service,
} from './fake-services';
import { createWorkspace, startNginx, type RunningNginx, type Workspace } from './nginx';

const PORTAL = 'https://auth.example.test';
const ALICE = { cookie: `${SESSION_COOKIE}=valid-alice` };
const CLOUDFLARE_EDGE = '127.0.0.2';
const CLOUDFLARED = '127.0.0.3';
const OTHER = '127.0.0.4';
const RELAY = '127.0.0.5';

let ws: Workspace | undefined;
let nginx: RunningNginx | undefined;
let authelia: (Service & { calls: AuthCall[] }) | undefined;
let echo: (Service & { seen: Echo[] }) | undefined;

const SETUPS: Record<string, RealIpOptions> = {
  defaults: { mode: 'unset' },
  direct: { mode: 'direct' },
  tunnel: { mode: 'cloudflared', dockerNetwork: `${CLOUDFLARED}/32` },
  cloudflare: { mode: 'cloudflare' },
  relay: { mode: 'relay', relays: [RELAY] },
};

function snippet(name: string, realIp: RealIpOptions, autheliaPort: number): string {
  const hostname = `${name}.example.test`;
  const options: NpmOptions = {
    autheliaUpstream: `http://127.0.0.1:${autheliaPort}`,
    portalUrl: PORTAL,
    cookieDomain: 'example.test',
    hosts: [{ hostname, protected: true, websockets: false, paths: [] }],
    realIp,
  };
  const result = generateNpmSnippets(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.files.find((f) => f.name === `${hostname}.advanced.conf`)?.content ?? '';
}

/** The Cloudflare snippet with its first published range swapped for the loopback alias that plays Cloudflare's edge. */
function withEdgeStandIn(text: string): string {
  const first = `set_real_ip_from ${CLOUDFLARE_RANGES.v4[0]};`;
  expect(text).toContain(first);
  return text.replace(first, `set_real_ip_from ${CLOUDFLARE_EDGE}/32;`);
}

beforeAll(async () => {
  try {
    authelia = await startFakeAuthelia(PORTAL, 'example.test');
    echo = await startEchoUpstream();
    ws = await createWorkspace('npm-realip-');
    ws.write(
      Object.entries(SETUPS).map(([name, realIp], i) => {
        const text = snippet(name, realIp, authelia!.port);
        return {
          id: i + 1,
          hostname: `${name}.example.test`,
          forwardHost: '127.0.0.1',
          forwardPort: echo!.port,
          advanced: name === 'cloudflare' ? withEdgeStandIn(text) : text,
          ssl: { certificate: true, forceSsl: true },
        };
      }),
      { foreground: true, extraTrust: ['127.0.0.0/8'] },
    );
    const t = ws.test();
    if (!t.ok) throw new Error(`nginx -t failed:\n${t.output}\n${ws.dump()}`);
    nginx = await startNginx(ws);
  } catch (e) {
    await tearDown();
    throw e;
  }
}, 60_000);

async function tearDown(): Promise<void> {
  await nginx?.stop();
  await authelia?.close();
  await echo?.close();
  ws?.remove();
}

afterAll(tearDown, 30_000);

/** The client address as the app and as Authelia see it, for a logged-in request from `from` with `headers`. */
async function seen(setup: string, from: string, headers: Record<string, string>): Promise<{ app: string[]; authelia: string }> {
  const before = authelia!.calls.length;
  const r = await ask({
    port: ws!.ports.https,
    host: `${setup}.example.test`,
    path: '/whoami',
    headers: { ...ALICE, ...headers },
    tls: true,
    localAddress: from,
  });
  expect(r.status).toBe(200);
  const e = JSON.parse(r.body) as Echo;
  const call = authelia!.calls.slice(before).at(-1);
  return {
    app: [String(e.headers['x-real-ip']), String(e.headers['x-forwarded-for'])],
    authelia: String(call?.headers['x-forwarded-for']),
  };
}

const FORGED = { 'x-forwarded-for': '10.9.9.9', 'x-real-ip': '192.168.1.10', 'cf-connecting-ip': '172.16.5.5' };

describe("NPM's defaults (section not set)", () => {
  it('any client in a trusted private range chooses its address with X-Real-IP: app and Authelia see 192.168.1.10', async () => {
    expect(await seen('defaults', OTHER, FORGED)).toEqual({ app: ['192.168.1.10', '192.168.1.10'], authelia: '192.168.1.10' });
  });
});

describe('nothing in front of NPM (direct)', () => {
  it('forged X-Real-IP / X-Forwarded-For / CF-Connecting-IP are ignored: everyone is their TCP address', async () => {
    expect(await seen('direct', OTHER, FORGED)).toEqual({ app: [OTHER, OTHER], authelia: OTHER });
  });
});

describe('Cloudflare Tunnel (cloudflared on the Docker network)', () => {
  it("through cloudflared, the visitor's CF-Connecting-IP is unwrapped; X-Real-IP / X-Forwarded-For the visitor forged are ignored", async () => {
    const r = await seen('tunnel', CLOUDFLARED, { ...FORGED, 'cf-connecting-ip': '203.0.113.7' });
    expect(r).toEqual({ app: ['203.0.113.7', '203.0.113.7'], authelia: '203.0.113.7' });
  });

  it('another container or LAN client forging CF-Connecting-IP keeps its own address', async () => {
    expect(await seen('tunnel', OTHER, FORGED)).toEqual({ app: [OTHER, OTHER], authelia: OTHER });
  });

  it('without CF-Connecting-IP, a request from cloudflared itself stays cloudflared', async () => {
    expect(await seen('tunnel', CLOUDFLARED, { 'x-real-ip': '192.168.1.10' })).toEqual({
      app: [CLOUDFLARED, CLOUDFLARED],
      authelia: CLOUDFLARED,
    });
  });
});

describe("Cloudflare proxied DNS (Cloudflare's edge ranges)", () => {
  it("from Cloudflare's edge, CF-Connecting-IP is the client", async () => {
    const r = await seen('cloudflare', CLOUDFLARE_EDGE, { ...FORGED, 'cf-connecting-ip': '198.51.100.4' });
    expect(r).toEqual({ app: ['198.51.100.4', '198.51.100.4'], authelia: '198.51.100.4' });
  });

  it('a client outside the edge ranges forging CF-Connecting-IP keeps its own address', async () => {
    expect(await seen('cloudflare', OTHER, FORGED)).toEqual({ app: [OTHER, OTHER], authelia: OTHER });
  });
});

describe('a relay proxy on the tailnet', () => {
  it('from the relay, the right-most untrusted X-Forwarded-For entry is the client, not the one the client forged', async () => {
    const r = await seen('relay', RELAY, { 'x-forwarded-for': '10.9.9.9, 198.51.100.9', 'x-real-ip': '192.168.1.10' });
    expect(r).toEqual({ app: ['198.51.100.9', '198.51.100.9'], authelia: '198.51.100.9' });
  });

  it('anyone else forging X-Forwarded-For keeps their own address', async () => {
    expect(await seen('relay', OTHER, FORGED)).toEqual({ app: [OTHER, OTHER], authelia: OTHER });
  });
});
