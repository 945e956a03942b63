/**
 * Checks of the pasted file beyond its secrets: ports published on every interface (reachable past the proxy and its
 * login) and the obsolete top-level `version:`.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { warning } from '../../core';
import { imageRepository } from '../images';
import { position } from './parse';
import type { Context } from './types';

/** Reverse proxies: their own 80 and 443 are meant to be published. */
const PROXY_IMAGES = new Set([
  'jc21/nginx-proxy-manager',
  'traefik',
  'caddy',
  'nginxproxy/nginx-proxy',
  'jwilder/nginx-proxy',
  'lucaslorentz/caddy-docker-proxy',
  'haproxy',
]);
const PROXY_PORTS = new Set(['80', '443']);
const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

interface PublishedPort {
  /** The host address written, or '' for none (every interface). */
  hostIp: string;
  /** The host port, or '' when Docker picks a random one. */
  published: string;
  target: string;
  protocol: string;
}

/**
 * Reads a short-syntax port (`[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, compose-spec 05-services.md "ports";
 * compose-go v2.13.0 types/types.go line 475, https://github.com/compose-spec/compose-go/blob/v2.13.0/types/types.go#L475).
 */
export function parseShortPort(text: string): PublishedPort | undefined {
  const slash = text.lastIndexOf('/');
  const protocol = slash >= 0 ? text.slice(slash) : '';
  const body = slash >= 0 ? text.slice(0, slash) : text;
  let hostIp = '';
  let rest = body;
  const bracket = /^(\[[^\]]*\]):(.*)$/.exec(body);
  if (bracket) {
    hostIp = bracket[1] ?? '';
    rest = bracket[2] ?? '';
  }
  const parts = rest.split(':');
  if (!bracket && parts.length > 3) {
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  } else if (!bracket && parts.length === 3) {
    hostIp = parts.shift() ?? '';
  }
  if (parts.length === 1) return { hostIp, published: '', target: parts[0] ?? '', protocol };
  if (parts.length === 2) return { hostIp, published: parts[0] ?? '', target: parts[1] ?? '', protocol };
  return undefined;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : undefined;
}

function longPort(ctx: Context, map: YAMLMap): PublishedPort | undefined {
  const pairs = ctx.model.pairsOf(map);
  const text = (key: string) => scalarText(ctx.model.resolve(pairs.get(key)?.value as Node)) ?? '';
  return { hostIp: text('host_ip'), published: text('published'), target: text('target'), protocol: '' };
}

function portWarning(ctx: Context, service: string, node: Node, port: PublishedPort, written: string | undefined): void {
  const at = position(ctx.lines, node.range?.[0] ?? 0);
  const hostPort = port.published || '(a random one)';
  const loopback = `127.0.0.1:${port.published}:${port.target}${port.protocol}`;
  const lan = `192.168.1.10:${port.published}:${port.target}${port.protocol}`;
  const how = written
    ? `Write "${lan}" (the host's LAN address) when NPM runs on another machine, or "${loopback}" when it runs on this host`
    : 'Add host_ip: with the host’s LAN address when NPM runs on another machine, or host_ip: 127.0.0.1 when it runs on this host';
  ctx.diagnostics.push(
    warning(
      'port-published-all-interfaces',
      `${service} publishes port ${port.target} on every network interface of the host (host port ${hostPort}), so anyone who can reach the host opens it directly, past Nginx Proxy Manager and Authelia (Docker's published ports also skip ufw rules). ${how}; or remove ports: and put the service on NPM's Docker network.`,
      { ...at, ...(written ? { fix: `"${loopback}"` } : {}) },
    ),
  );
}

/** Ports published on every interface, except a reverse proxy's own 80 and 443. */
function checkPorts(ctx: Context): void {
  for (const service of ctx.model.services) {
    if (!service.map) continue;
    const pairs = ctx.model.pairsOf(service.map);
    const networkMode = scalarText(ctx.model.resolve(pairs.get('network_mode')?.value as Node));
    const ports = ctx.model.resolve(pairs.get('ports')?.value as Node);
    if (!isSeq(ports) || networkMode === 'host') continue;
    const proxy = service.image !== undefined && PROXY_IMAGES.has(imageRepository(service.image));
    for (const item of ports.items) {
      const node = ctx.model.resolve(item as Node);
      if (!node) continue;
      const written = scalarText(node);
      if (written?.includes('$')) continue;
      const port = written !== undefined ? parseShortPort(written) : isMap(node) ? longPort(ctx, node) : undefined;
      if (!port || port.target.includes('$') || port.hostIp.includes('$') || !ALL_INTERFACES.has(port.hostIp)) continue;
      if (proxy && PROXY_PORTS.has(port.published)) continue;
      portWarning(ctx, service.name, node, port, written);
    }
  }
}

/**
 * The top-level `version:`: Compose v2 ignores it and warns on every command (compose-go v2.13.0 loader/loader.go
 * line 104, https://github.com/compose-spec/compose-go/blob/v2.13.0/loader/loader.go#L104).
 */
function checkVersion(ctx: Context): void {
  const root = ctx.model.doc.contents;
  if (!isMap(root)) return;
  const pair = root.items.find((item) => ctx.model.keyString(item.key) === 'version');
  if (!pair) return;
  const at = position(ctx.lines, (pair.key as Node | undefined)?.range?.[0] ?? 0);
  ctx.diagnostics.push(
    warning(
      'obsolete-version',
      'The top-level version: is obsolete: Docker Compose v2 ignores it and prints a warning on every command. Delete that line.',
      { ...at, path: 'version' },
    ),
  );
}

export function lintFile(ctx: Context): void {
  checkVersion(ctx);
  checkPorts(ctx);
}
