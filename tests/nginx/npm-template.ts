/**
 * Renders nginx configuration shaped like Nginx Proxy Manager 2.15.1's proxy hosts, written for these tests from the
 * facts of NPM's templates (rendered by NPM with liquidjs 10.27.0):
 * https://github.com/NginxProxyManager/nginx-proxy-manager/tree/v2.15.1/backend/templates
 * (proxy_host.conf, _listen.conf, _certificates.conf, _assets.conf, _exploits.conf, _hsts.conf, _hsts_map.conf,
 * _forced_ssl.conf, _location.conf, _access.conf) and the include files under docker/rootfs/etc/nginx/conf.d/include/.
 * Block order, conditions, the per-host HSTS map, Custom Locations and the default-location rule follow NPM.
 * Differences, all forced by the test machine: Debian's nginx 1.22 has no `http2 on|off;` (1.25.1+), so HTTP/2 hosts
 * listen with `ssl http2` on their own port; every listen is 127.0.0.1 on a kernel-chosen port; every path lives under
 * a temp directory; the certificate is a throwaway self-signed one; block-exploits.conf carries a subset of NPM's rules.
 */

/** NPM's check for a `location /` in the Advanced text (backend/internal/nginx.js, unchanged since 2.0.10). */
export const NPM_DEFAULT_LOCATION_RE = /^(?:.*;)?\s*?location\s*?\/\s*?{/im;

export interface CustomLocation {
  path: string;
  forwardScheme?: 'http' | 'https';
  forwardHost: string;
  forwardPort: number;
  /** The location's own Advanced text (the gear icon in the Custom Locations tab). */
  advanced?: string;
}

/** SSL tab. HTTP/2, Force SSL and HSTS only render with a certificate, as in NPM's templates. */
export interface SslSettings {
  certificate: boolean;
  http2?: boolean;
  forceSsl?: boolean;
  hsts?: boolean;
  hstsSubdomains?: boolean;
}

/** One proxy host with the Details / SSL / Custom Locations / Advanced settings NPM renders. */
export interface ProxyHostConf {
  id: number;
  hostname: string;
  forwardScheme?: 'http' | 'https';
  forwardHost: string;
  forwardPort: number;
  advanced: string;
  cacheAssets?: boolean;
  blockExploits?: boolean;
  websocketsToggle?: boolean;
  accessList?: boolean;
  ssl?: SslSettings;
  customLocations?: CustomLocation[];
}

/** The ports every host listens on (NPM: 80 and 443 for all hosts). */
export interface Ports {
  http: number;
  https: number;
  /** HTTPS with HTTP/2 (a separate port on nginx 1.22, see the header). */
  https2: number;
}

const PROXY_CONF = [
  'add_header       X-Served-By $host;',
  'proxy_set_header Host $host;',
  'proxy_set_header X-Forwarded-Scheme $x_forwarded_scheme;',
  'proxy_set_header X-Forwarded-Proto  $x_forwarded_proto;',
  'proxy_set_header X-Forwarded-For    $proxy_add_x_forwarded_for;',
  'proxy_set_header X-Real-IP          $remote_addr;',
  'proxy_pass       $forward_scheme://$server:$port$request_uri;',
];

/** NPM's asset location: a server-level regex location with the public cache, ignoring Set-Cookie. */
const ASSETS_CONF = [
  'location ~* ^.*\\.(css|js|jpe?g|gif|png|webp|woff|woff2|eot|ttf|svg|ico|css\\.map|js\\.map)$ {',
  '    if_modified_since off;',
  '    proxy_cache public-cache;',
  '    proxy_cache_key $host$request_uri;',
  '    proxy_ignore_headers Set-Cookie Cache-Control Expires X-Accel-Expires;',
  '    proxy_cache_valid any 30m;',
  '    proxy_cache_valid 404 1m;',
  '    proxy_hide_header Last-Modified;',
  '    proxy_hide_header Cache-Control;',
  '    proxy_hide_header Vary;',
  '    proxy_cache_bypass 0;',
  '    proxy_no_cache 0;',
  '    proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504 http_404;',
  '    proxy_connect_timeout 5s;',
  '    proxy_read_timeout 45s;',
  '    expires @30m;',
  '    access_log off;',
  '    include conf.d/include/proxy.conf;',
  '}',
];

/** A subset of NPM's block-exploits.conf: the same server-level set/if/return 403 pattern over $query_string. */
const BLOCK_EXPLOITS_CONF = [
  'set $block_sql_injections 0;',
  'if ($query_string ~ "union.*select.*\\(") { set $block_sql_injections 1; }',
  'if ($query_string ~ "concat.*\\(") { set $block_sql_injections 1; }',
  'if ($block_sql_injections = 1) { return 403; }',
  'set $block_file_injections 0;',
  'if ($query_string ~ "[a-zA-Z0-9_]=http://") { set $block_file_injections 1; }',
  'if ($block_file_injections = 1) { return 403; }',
  'set $block_common_exploits 0;',
  'if ($query_string ~ "(<|%3C).*script.*(>|%3E)") { set $block_common_exploits 1; }',
  'if ($query_string ~ "proc/self/environ") { set $block_common_exploits 1; }',
  'if ($block_common_exploits = 1) { return 403; }',
];

/** NPM's force-ssl.conf logic: plain http is redirected unless a trusted proxy says the client used https. */
const FORCE_SSL_CONF = [
  'set $test "";',
  'if ($scheme = "http") { set $test "H"; }',
  'if ($request_uri = /.well-known/acme-challenge/test-challenge) { set $test "${test}T"; }',
  'set $test_ssl_handled "";',
  'if ($trust_forwarded_proto = "") { set $trust_forwarded_proto "F"; }',
  'if ($trust_forwarded_proto = "T") { set $test_ssl_handled "${test_ssl_handled}T"; }',
  'if ($http_x_forwarded_proto = "https") { set $test_ssl_handled "${test_ssl_handled}S"; }',
  'if ($http_x_forwarded_scheme = "https") { set $test_ssl_handled "${test_ssl_handled}S"; }',
  'if ($test_ssl_handled = "TSS") { set $test_ssl_handled "TS"; }',
  'if ($test_ssl_handled = "TS") { set $test "${test}S"; }',
  'if ($test = H) { return 301 https://$host$request_uri; }',
];

function acmeConf(root: string): string[] {
  return [
    'location ^~ /.well-known/acme-challenge/ {',
    '    auth_basic off;',
    '    auth_request off;',
    '    allow all;',
    '    default_type "text/plain";',
    `    root ${root}/letsencrypt-acme-challenge;`,
    '}',
    'location = /.well-known/acme-challenge/ {',
    '    return 404;',
    '}',
  ];
}

/** The shared include files, relative to the directory of the main config (like NPM's /etc/nginx). */
export function includeFiles(root: string): Record<string, string> {
  const file = (lines: readonly string[]) => `${lines.join('\n')}\n`;
  return {
    'conf.d/include/proxy.conf': file(PROXY_CONF),
    'conf.d/include/assets.conf': file(ASSETS_CONF),
    'conf.d/include/block-exploits.conf': file(BLOCK_EXPLOITS_CONF),
    'conf.d/include/force-ssl.conf': file(FORCE_SSL_CONF),
    'conf.d/include/letsencrypt-acme-challenge.conf': file(acmeConf(root)),
    'conf.d/include/ssl-cache.conf': file(['ssl_session_timeout 5m;', 'ssl_session_cache shared:SSL:50m;']),
    'conf.d/include/ssl-ciphers.conf': file([
      'ssl_protocols TLSv1.2 TLSv1.3;',
      "ssl_ciphers 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384';",
      'ssl_prefer_server_ciphers off;',
    ]),
  };
}

export interface MainConf {
  root: string;
  /** Prepend `user root;` (only when the master runs as root). */
  userRoot: boolean;
  /** Run in the foreground as a single process, for behaviour tests. */
  foreground: boolean;
  /**
   * Extra addresses NPM trusts at http level, written where NPM writes its downloaded CDN ranges
   * (conf.d/include/ip_ranges.conf); tests use loopback here to stand in for NPM's private-range trust.
   */
  extraTrust?: readonly string[];
}

/** nginx.conf: NPM's http-level settings, maps, caches and real-IP trust, every writable path under `root`. */
export function renderMain(c: MainConf): string {
  const r = c.root;
  return [
    c.userRoot ? 'user root;' : '',
    c.foreground ? 'daemon off;\nmaster_process off;' : '',
    'worker_processes 1;',
    `pid ${r}/nginx.pid;`,
    `error_log ${r}/logs/error.log warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '    default_type application/octet-stream;',
    '    server_tokens off;',
    '    client_max_body_size 2000m;',
    '    server_names_hash_bucket_size 1024;',
    '    proxy_http_version 1.1;',
    '    proxy_set_header X-Forwarded-Scheme $scheme;',
    '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '    proxy_set_header Accept-Encoding "";',
    '    proxy_cache off;',
    `    proxy_cache_path ${r}/cache/public levels=1:2 keys_zone=public-cache:30m max_size=192m;`,
    `    proxy_cache_path ${r}/cache/private levels=1:2 keys_zone=private-cache:5m max_size=1024m;`,
    '    log_format proxy \'[$time_local] $upstream_cache_status $upstream_status $status - $request_method $scheme $host "$request_uri" [Client $remote_addr]\';',
    `    access_log ${r}/logs/default.log proxy;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${r}/temp/${t};`),
    '    map $host $forward_scheme { default http; }',
    '    map $http_x_forwarded_proto $x_forwarded_proto { "http" "http"; "https" "https"; default $scheme; }',
    '    map $http_x_forwarded_scheme $x_forwarded_scheme { "http" "http"; "https" "https"; default $scheme; }',
    '    set_real_ip_from 10.0.0.0/8;',
    '    set_real_ip_from 172.16.0.0/12;',
    '    set_real_ip_from 192.168.0.0/16;',
    ...(c.extraTrust ?? []).map((a) => `    set_real_ip_from ${a};`),
    '    real_ip_header X-Real-IP;',
    '    real_ip_recursive on;',
    `    include ${r}/resolvers[.]conf;`,
    `    include ${r}/proxy_host/*.conf;`,
    '}',
    '',
  ].join('\n');
}

const WEBSOCKET = [
  'proxy_set_header Upgrade $http_upgrade;',
  'proxy_set_header Connection $http_connection;',
  'proxy_http_version 1.1;',
];

const indent = (lines: readonly string[], by: string) => lines.map((l) => (l === '' ? '' : by + l));

/** Certificate attached, Force SSL on (the condition of NPM's _forced_ssl.conf). */
const forced = (h: ProxyHostConf) => h.ssl?.certificate === true && h.ssl.forceSsl === true;
/** _hsts.conf's condition: certificate, Force SSL and HSTS. */
const hsts = (h: ProxyHostConf) => forced(h) && h.ssl?.hsts === true;

function accessLines(h: ProxyHostConf, root: string): string[] {
  if (!h.accessList) return [];
  return [
    'auth_basic "Authorization required";',
    `auth_basic_user_file ${root}/access/${h.id};`,
    'proxy_set_header Authorization "";',
    'allow 10.0.0.0/8;',
    'deny all;',
    'satisfy any;',
  ];
}

/** One Custom Location as _location.conf renders it, with the host's toggles inherited. */
function customLocation(h: ProxyHostConf, loc: CustomLocation, root: string): string[] {
  return [
    `  location ${loc.path} {`,
    ...indent((loc.advanced ?? '').split('\n'), '    '),
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Forwarded-Scheme $scheme;',
    '    proxy_set_header X-Forwarded-Proto  $scheme;',
    '    proxy_set_header X-Forwarded-For    $remote_addr;',
    '    proxy_set_header X-Real-IP          $remote_addr;',
    `    proxy_pass       ${loc.forwardScheme ?? 'http'}://${loc.forwardHost}:${loc.forwardPort};`,
    ...indent(accessLines(h, root), '    '),
    ...(h.cacheAssets ? indent(['include conf.d/include/assets.conf;'], '    ') : []),
    ...(h.blockExploits ? indent(['include conf.d/include/block-exploits.conf;'], '    ') : []),
    ...(forced(h) ? indent(['set $trust_forwarded_proto "F";', 'include conf.d/include/force-ssl.conf;'], '    ') : []),
    ...(hsts(h) ? ['    add_header Strict-Transport-Security $hsts_header always;'] : []),
    ...(h.websocketsToggle ? indent(WEBSOCKET, '    ') : []),
    '  }',
  ];
}

function defaultLocation(h: ProxyHostConf, root: string): string[] {
  return [
    '  location / {',
    ...indent(accessLines(h, root), '    '),
    ...(hsts(h) ? ['    add_header Strict-Transport-Security $hsts_header always;'] : []),
    ...(h.websocketsToggle ? indent(WEBSOCKET, '    ') : []),
    '    include conf.d/include/proxy.conf;',
    '  }',
  ];
}

/** True when NPM would still render its own `location /` for this host. */
export function usesDefaultLocation(h: ProxyHostConf): boolean {
  return !NPM_DEFAULT_LOCATION_RE.test(h.advanced) && !(h.customLocations ?? []).some((l) => l.path === '/');
}

function listen(h: ProxyHostConf, ports: Ports): string[] {
  const lines = [`  listen 127.0.0.1:${ports.http};`];
  if (h.ssl?.certificate)
    lines.push(h.ssl.http2 ? `  listen 127.0.0.1:${ports.https2} ssl http2;` : `  listen 127.0.0.1:${ports.https} ssl;`);
  return [...lines, `  server_name ${h.hostname};`];
}

function certificate(h: ProxyHostConf, root: string): string[] {
  if (!h.ssl?.certificate) return [];
  return [
    '  include conf.d/include/letsencrypt-acme-challenge.conf;',
    '  include conf.d/include/ssl-cache.conf;',
    '  include conf.d/include/ssl-ciphers.conf;',
    `  ssl_certificate ${root}/letsencrypt/live/npm-1/fullchain.pem;`,
    `  ssl_certificate_key ${root}/letsencrypt/live/npm-1/privkey.pem;`,
  ];
}

/**
 * The host's file in NPM's order: the per-host HSTS map (http level, as NPM writes one into every host file), then
 * the server block: variables, listen, certificate + ACME location, assets, exploits, HSTS, force SSL, websockets,
 * logs, Advanced, Custom Locations, default location, custom include.
 */
export function renderProxyHost(h: ProxyHostConf, root: string, ports: Ports): string {
  return [
    `# ${h.hostname}`,
    `map $scheme $hsts_header { https "max-age=63072000;${h.ssl?.hstsSubdomains ? 'includeSubDomains;' : ''} preload"; }`,
    'server {',
    `  set $forward_scheme ${h.forwardScheme ?? 'http'};`,
    `  set $server "${h.forwardHost}";`,
    `  set $port ${h.forwardPort};`,
    ...listen(h, ports),
    ...certificate(h, root),
    ...(h.cacheAssets ? ['  include conf.d/include/assets.conf;'] : []),
    ...(h.blockExploits ? ['  include conf.d/include/block-exploits.conf;'] : []),
    ...(hsts(h) ? ['  add_header Strict-Transport-Security $hsts_header always;'] : []),
    ...(forced(h) ? ['  set $trust_forwarded_proto "F";', '  include conf.d/include/force-ssl.conf;'] : []),
    ...(h.websocketsToggle ? indent(WEBSOCKET, '  ') : []),
    `  access_log ${root}/logs/proxy-host-${h.id}_access.log proxy;`,
    `  error_log ${root}/logs/proxy-host-${h.id}_error.log warn;`,
    '',
    h.advanced,
    '',
    ...(h.customLocations ?? []).flatMap((loc) => customLocation(h, loc, root)),
    ...(usesDefaultLocation(h) ? defaultLocation(h, root) : []),
    `  include ${root}/custom/server_proxy[.]conf;`,
    '}',
    '',
  ].join('\n');
}
