/**
 * Renders nginx configuration shaped like Nginx Proxy Manager 2.15's proxy-host template (block order, include layout,
 * default-location detection), written for these tests from the facts in the NPM fact sheet (§1.1–1.5).
 * Differences from NPM: no `listen 443 ssl` / certificate files, no `http2 on|off;` (needs nginx ≥ 1.25.1, Debian has 1.22),
 * loopback listen addresses, every path under a temp directory.
 */

/** NPM's check for a `location /` in the Advanced text (backend/internal/nginx.js, unchanged since 2.0.10). */
export const NPM_DEFAULT_LOCATION_RE = /^(?:.*;)?\s*?location\s*?\/\s*?{/im;

export interface CustomLocation {
  path: string;
  forwardHost: string;
  forwardPort: number;
}

/** One proxy host with the Details / SSL / Custom Locations / Advanced settings NPM renders. */
export interface ProxyHostConf {
  id: number;
  hostname: string;
  listenPort: number;
  forwardScheme?: 'http' | 'https';
  forwardHost: string;
  forwardPort: number;
  advanced: string;
  cacheAssets?: boolean;
  blockExploits?: boolean;
  /** A certificate is attached (adds the Let's Encrypt challenge location). */
  certificate?: boolean;
  forceSsl?: boolean;
  hsts?: boolean;
  websocketsToggle?: boolean;
  accessList?: boolean;
  customLocations?: CustomLocation[];
}

/** The shared include files, relative to the directory of the main config (like NPM's /etc/nginx). */
export function includeFiles(root: string): Record<string, string> {
  return {
    'conf.d/include/proxy.conf': [
      'add_header X-Served-By $host;',
      'proxy_set_header Host $host;',
      'proxy_set_header X-Forwarded-Scheme $x_forwarded_scheme;',
      'proxy_set_header X-Forwarded-Proto $x_forwarded_proto;',
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      'proxy_set_header X-Real-IP $remote_addr;',
      'proxy_pass $forward_scheme://$server:$port$request_uri;',
      '',
    ].join('\n'),
    'conf.d/include/assets.conf': [
      'location ~* ^.*\\.(css|js|jpe?g|gif|png|webp|woff|woff2|eot|ttf|svg|ico|css\\.map|js\\.map)$ {',
      '    if_modified_since off;',
      '    add_header Cache-Control "public, max-age=3600";',
      '    include conf.d/include/proxy.conf;',
      '}',
      '',
    ].join('\n'),
    'conf.d/include/block-exploits.conf': [
      'set $block_sql_injections 0;',
      'if ($query_string ~ "union.*select.*\\(") {',
      '    set $block_sql_injections 1;',
      '}',
      'if ($block_sql_injections = 1) {',
      '    return 403;',
      '}',
      '',
    ].join('\n'),
    'conf.d/include/force-ssl.conf': ['if ($scheme = "http") {', '    return 301 https://$host$request_uri;', '}', ''].join('\n'),
    'conf.d/include/letsencrypt-acme-challenge.conf': [
      'location ^~ /.well-known/acme-challenge/ {',
      '    auth_basic off;',
      '    allow all;',
      '    default_type "text/plain";',
      `    root ${root}/letsencrypt-acme-challenge;`,
      '}',
      '',
    ].join('\n'),
  };
}

export interface MainConf {
  root: string;
  /** Prepend `user root;` (only when the master runs as root). */
  userRoot: boolean;
  /** Run in the foreground as a single process, for behaviour tests. */
  foreground: boolean;
  hstsSubdomains?: boolean;
}

/** nginx.conf: NPM's http-level maps and settings, every writable path under `root`. */
export function renderMain(c: MainConf): string {
  const r = c.root;
  return [
    c.userRoot ? 'user root;' : '',
    c.foreground ? 'daemon off;\nmaster_process off;' : '',
    'worker_processes 1;',
    `pid ${r}/nginx.pid;`,
    `error_log ${r}/logs/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '    default_type application/octet-stream;',
    '    log_format proxy \'[$time_local] $upstream_cache_status $upstream_status $status - $request_method $scheme $host "$request_uri" [Client $remote_addr]\';',
    `    access_log ${r}/logs/default.log proxy;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${r}/temp/${t};`),
    '    proxy_set_header X-Forwarded-Scheme $x_forwarded_scheme;',
    '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '    proxy_set_header Accept-Encoding "";',
    '    map $host $forward_scheme { default http; }',
    '    map $http_x_forwarded_proto $x_forwarded_proto { default $http_x_forwarded_proto; "" $scheme; }',
    '    map $host $x_forwarded_scheme { default $scheme; }',
    `    map $scheme $hsts_header { https "max-age=63072000;${c.hstsSubdomains ? ' includeSubDomains;' : ''} preload"; }`,
    '    set_real_ip_from 10.0.0.0/8;',
    '    set_real_ip_from 172.16.0.0/12;',
    '    set_real_ip_from 192.168.0.0/16;',
    '    real_ip_header X-Real-IP;',
    '    real_ip_recursive on;',
    `    include ${r}/resolvers[.]conf;`,
    `    include ${r}/proxy_host/*.conf;`,
    '}',
    '',
  ].join('\n');
}

const WEBSOCKET = ['proxy_set_header Upgrade $http_upgrade;', 'proxy_set_header Connection $http_connection;'];

function customLocation(loc: CustomLocation): string[] {
  return [
    `  location ${loc.path} {`,
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Forwarded-Scheme $scheme;',
    '    proxy_set_header X-Forwarded-Proto $scheme;',
    '    proxy_set_header X-Forwarded-For $remote_addr;',
    '    proxy_set_header X-Real-IP $remote_addr;',
    `    proxy_pass http://${loc.forwardHost}:${loc.forwardPort};`,
    '  }',
  ];
}

function defaultLocation(h: ProxyHostConf, root: string): string[] {
  return [
    '  location / {',
    ...(h.accessList
      ? [
          '    auth_basic "Authorization required";',
          `    auth_basic_user_file ${root}/access/${h.id};`,
          '    satisfy any;',
          '    allow 10.0.0.0/8;',
          '    deny all;',
        ]
      : []),
    ...(h.hsts ? ['    add_header Strict-Transport-Security $hsts_header always;'] : []),
    ...(h.websocketsToggle ? [...WEBSOCKET.map((l) => `    ${l}`), '    proxy_http_version 1.1;'] : []),
    '    include conf.d/include/proxy.conf;',
    '  }',
  ];
}

/** True when NPM would still render its own `location /` for this host. */
export function usesDefaultLocation(h: ProxyHostConf): boolean {
  return !NPM_DEFAULT_LOCATION_RE.test(h.advanced) && !(h.customLocations ?? []).some((l) => l.path === '/');
}

/** The host's server block in NPM's order: variables, listen, certificate, assets, exploits, HSTS, force SSL, websockets, logs, Advanced, Custom Locations, default location. */
export function renderProxyHost(h: ProxyHostConf, root: string): string {
  return [
    `# ${h.hostname}`,
    'server {',
    `  set $forward_scheme ${h.forwardScheme ?? 'http'};`,
    `  set $server "${h.forwardHost}";`,
    `  set $port ${h.forwardPort};`,
    `  listen 127.0.0.1:${h.listenPort};`,
    `  server_name ${h.hostname};`,
    ...(h.certificate ? ['  include conf.d/include/letsencrypt-acme-challenge.conf;'] : []),
    ...(h.cacheAssets ? ['  include conf.d/include/assets.conf;'] : []),
    ...(h.blockExploits ? ['  include conf.d/include/block-exploits.conf;'] : []),
    ...(h.hsts ? ['  add_header Strict-Transport-Security $hsts_header always;'] : []),
    ...(h.forceSsl ? ['  set $trust_forwarded_proto "F";', '  include conf.d/include/force-ssl.conf;'] : []),
    ...(h.websocketsToggle ? [...WEBSOCKET.map((l) => `  ${l}`), '  proxy_http_version 1.1;'] : []),
    `  access_log ${root}/logs/proxy-host-${h.id}_access.log proxy;`,
    `  error_log ${root}/logs/proxy-host-${h.id}_error.log warn;`,
    '',
    h.advanced,
    '',
    ...(h.customLocations ?? []).flatMap(customLocation),
    ...(usesDefaultLocation(h) ? defaultLocation(h, root) : []),
    `  include ${root}/custom/server_proxy[.]conf;`,
    '}',
    '',
  ].join('\n');
}
