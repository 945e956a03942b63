/**
 * Small stand-ins written for these tests: a forward-auth server following Authelia 4.39's AuthRequest contract and an
 * echo upstream. Both listen on 127.0.0.1 on a kernel-chosen port.
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import { connect as h2connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';

export const AUTHZ_PATH = '/api/authz/auth-request';
export const SESSION_COOKIE = 'authelia_session';

export interface Identity {
  user: string;
  groups: string[];
  name: string;
  email: string;
}

/** Session cookie values the fake knows. */
export const SESSIONS: Record<string, Identity | 'forbidden' | 'anonymous'> = {
  'valid-alice': { user: 'alice', groups: ['admins', 'dev'], name: 'Alice Example', email: 'alice@example.test' },
  'valid-carol': { user: 'carol', groups: ['family'], name: 'Carol Example', email: 'carol@example.test' },
  'forbidden-bob': 'forbidden',
  /** Authelia's bypass policy: 200 without identity headers. */
  'bypass-anon': 'anonymous',
};

export interface AuthCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

export interface Service {
  server: Server;
  port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function listen(server: Server): Promise<Service> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (_req, s: Socket) => sockets.add(s));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const close = () =>
        new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        });
      resolve({ server, port, close });
    });
  });
}

/**
 * Why Authelia 4.39 answers 400 before looking at the session, or undefined when the request may be judged:
 * X-Original-URL missing or not a URL, X-Original-Method missing or with invalid characters
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/handlers/handler_authz_impl_authrequest.go#L20-L35),
 * a target that is not https/wss, or one outside every session cookie domain
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/handlers/handler_authz.go#L154-L175).
 */
export function badAuthRequest(headers: IncomingHttpHeaders, cookieDomain: string): string | undefined {
  const target = headers['x-original-url'];
  const method = headers['x-original-method'];
  if (typeof target !== 'string' || target === '') return 'missing X-Original-URL';
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'X-Original-URL is not a URL';
  }
  if (typeof method !== 'string' || method === '' || !/^[A-Z]+$/.test(method)) return 'missing or invalid X-Original-Method';
  if (url.protocol !== 'https:' && url.protocol !== 'wss:') return `insecure scheme ${url.protocol}`;
  if (url.hostname !== cookieDomain && !url.hostname.endsWith(`.${cookieDomain}`)) return 'no session cookie domain';
  return undefined;
}

/**
 * The AuthRequest contract: 400 as in `badAuthRequest`; 200 + Remote-* for a valid session cookie; 403 for a
 * forbidden user; otherwise 401 with Location `<portal>/?rd=<encoded target>&rm=<METHOD>`.
 * Any other path answers like the portal's own pages (200, "portal").
 */
export async function startFakeAuthelia(portal: string, cookieDomain: string): Promise<Service & { calls: AuthCall[] }> {
  const calls: AuthCall[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    if (path !== AUTHZ_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ portal: true, url: req.url, headers: req.headers }));
      return;
    }
    calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes: body.length });
    if (badAuthRequest(req.headers, cookieDomain) !== undefined) {
      res.writeHead(400).end();
      return;
    }
    const target = String(req.headers['x-original-url']);
    const method = String(req.headers['x-original-method']);
    const session = SESSIONS[cookie(req.headers, SESSION_COOKIE) ?? ''];
    if (session === 'forbidden') {
      res.writeHead(403).end();
    } else if (session === 'anonymous') {
      res.writeHead(200).end();
    } else if (session) {
      res.writeHead(200, {
        'Remote-User': session.user,
        'Remote-Groups': session.groups.join(','),
        'Remote-Name': session.name,
        'Remote-Email': session.email,
      });
      res.end();
    } else {
      res.writeHead(401, { Location: `${portal}/?rd=${encodeURIComponent(target)}&rm=${method}` });
      res.end(req.method === 'HEAD' ? undefined : '401 Unauthorized');
    }
  });
  return { ...(await listen(server)), calls };
}

export interface Echo {
  /** Which upstream answered (the echo's name). */
  upstream: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The TCP peer the upstream saw (nginx). */
  peer: string;
}

/** Answers every request with JSON describing it; completes WebSocket handshakes and echoes bytes back with "echo:". */
export async function startEchoUpstream(name = 'echo'): Promise<Service & { seen: Echo[] }> {
  const seen: Echo[] = [];
  const server = createServer(async (req, res) => {
    const body = (await readBody(req)).toString('utf8');
    const echo: Echo = {
      upstream: name,
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body,
      peer: req.socket.remoteAddress ?? '',
    };
    seen.push(echo);
    // Like an app serving a per-user file: private, and it refreshes the visitor's session cookie.
    const personal = (req.url ?? '').includes('/private/')
      ? { 'cache-control': 'private, no-store', 'set-cookie': `app_session=${String(req.headers.cookie ?? '')}` }
      : {};
    res.writeHead(200, { 'content-type': 'application/json', ...personal });
    res.end(JSON.stringify(echo));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    const user = req.headers['remote-user'] ?? '';
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nX-Echo-Remote-User: ${user}\r\n\r\n`,
    );
    socket.on('data', (d: Buffer) => socket.write(`echo:${d.toString()}`));
  });
  return { ...(await listen(server)), seen };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Ask {
  port: number;
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** HTTPS with SNI = host (the test certificate is self-signed, so it is not verified). */
  tls?: boolean;
  /** The client's source address, e.g. a loopback alias 127.0.0.2 standing in for a proxy. */
  localAddress?: string;
}

/** One HTTP(S)/1.1 request to 127.0.0.1 with an explicit Host header (no redirects followed). */
export function ask(a: Ask): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: a.host, ...(a.headers ?? {}) };
    if (a.body !== undefined) headers['content-length'] = String(Buffer.byteLength(a.body));
    const options = {
      host: '127.0.0.1',
      port: a.port,
      path: a.path,
      method: a.method ?? 'GET',
      headers,
      agent: false as const,
      ...(a.localAddress ? { localAddress: a.localAddress } : {}),
    };
    const onResponse = (res: IncomingMessage) => {
      readBody(res).then((b) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b.toString('utf8') }), reject);
    };
    const req = a.tls
      ? httpsRequest({ ...options, servername: a.host, rejectUnauthorized: false }, onResponse)
      : httpRequest(options, onResponse);
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${a.method ?? 'GET'} ${a.host}${a.path}`)));
    req.end(a.body);
  });
}

/** One request over HTTP/2 (TLS, ALPN h2); resolves with the status, headers, body and the negotiated protocol. */
export function askH2(a: Omit<Ask, 'tls' | 'body' | 'localAddress'>): Promise<Reply & { alpn: string }> {
  return new Promise((resolve, reject) => {
    const session = h2connect(`https://127.0.0.1:${a.port}`, { servername: a.host, rejectUnauthorized: false });
    session.on('error', reject);
    const req = session.request({ ':method': a.method ?? 'GET', ':path': a.path, ':authority': a.host, ...(a.headers ?? {}) });
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    req.on('response', (h) => {
      status = Number(h[':status']);
      headers = h as IncomingHttpHeaders;
    });
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const alpn = String(session.alpnProtocol ?? '');
      session.close();
      resolve({ status, headers, body: Buffer.concat(chunks).toString('utf8'), alpn });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => {
      session.destroy();
      reject(new Error(`timeout: h2 ${a.host}${a.path}`));
    });
    req.end();
  });
}

export type UpgradeReply =
  { status: 101; headers: IncomingHttpHeaders; echoed: string } | { status: number; headers: IncomingHttpHeaders };

/** A WebSocket handshake through nginx; on 101, sends "ping" through the tunnel and waits for the echo. */
export function askUpgrade(a: Omit<Ask, 'body' | 'method'>): Promise<UpgradeReply> {
  return new Promise((resolve, reject) => {
    const headers = {
      host: a.host,
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      ...(a.headers ?? {}),
    };
    const options = { host: '127.0.0.1', port: a.port, path: a.path, headers, agent: false as const };
    const req = a.tls ? httpsRequest({ ...options, servername: a.host, rejectUnauthorized: false }) : httpRequest(options);
    req.on('upgrade', (res, socket: Socket) => {
      socket.once('data', (d: Buffer) => {
        socket.destroy();
        resolve({ status: 101, headers: res.headers, echoed: d.toString() });
      });
      socket.write('ping');
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: upgrade ${a.host}${a.path}`)));
    req.end();
  });
}
