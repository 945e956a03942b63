/**
 * nginx (inside Nginx Proxy Manager) and certbot messages. nginx's own wording comes from its source, e.g.
 * https://github.com/nginx/nginx/blob/911c95bfd3a17632c6f3d8c2f261055520278cc7/src/http/modules/ngx_http_auth_request_module.c
 * ("auth request unexpected status: %ui") and ngx_http_proxy_module.c ("invalid URL prefix in \"%V\"").
 */
import type { Signature } from '../types';

const TROUBLE = '/guides/authelia-troubleshooting/';
const NPM = '/guides/nginx-proxy-manager/';
const UPSTREAM = { builder: 'npm', field: 'autheliaUpstream' } as const;

export const NGINX_SIGNATURES: readonly Signature[] = [
  {
    id: 'nginx-auth-request-502',
    tool: 'nginx',
    title: 'auth request unexpected status: 502 (Authelia not reached)',
    needle: 'auth request unexpected status: 50',
    pattern: /auth request unexpected status: 50[234]\b/,
    specificity: 70,
    cause:
      "nginx asked Authelia whether the request may pass and got no answer from it: Authelia is stopped or restarting after a startup error, the name in $upstream_authelia does not resolve on NPM's networks, or the port is wrong. nginx treats anything but 2xx, 401 or 403 from that check as a failure and shows the browser a 500.",
    fix: [
      {
        text: 'See whether Authelia runs and why it stopped.',
        command: 'docker compose ps && docker compose logs --tail 50 authelia',
      },
      {
        text: 'Attach NPM and Authelia to the same network and check the name and port in the set $upstream_authelia line (http://authelia:9091/api/authz/auth-request).',
      },
    ],
    guide: `${TROUBLE}#auth-request-unexpected-status-502`,
    builder: UPSTREAM,
  },
  {
    id: 'nginx-auth-request-500',
    tool: 'nginx',
    title: 'auth request unexpected status: 500',
    needle: 'auth request unexpected status: 500',
    pattern: /auth request unexpected status: 500\b/,
    specificity: 70,
    cause:
      'nginx could not build the permission check or Authelia failed on it: $upstream_authelia is empty on this host (its set line is missing, or lacks http://), so nginx logs invalid URL prefix and fails the check.',
    fix: [{ text: "Paste the whole snippet into the host's Advanced tab again, starting with the set $upstream_authelia line." }],
    guide: `${TROUBLE}#auth-request-unexpected-status-500`,
    builder: UPSTREAM,
  },
  {
    id: 'nginx-auth-request-400',
    tool: 'nginx',
    title: 'auth request unexpected status: 400',
    needle: 'auth request unexpected status: 400',
    pattern: /auth request unexpected status: 400\b/,
    specificity: 70,
    cause:
      "Authelia answered but refused to judge the request: the app is not under the session cookie domain, it was reached over plain http, or the cookie entry has no authelia_url. Authelia's own log names which.",
    fix: [
      { text: 'Read the matching Authelia line.', command: 'docker compose logs authelia | grep -i "target url"' },
      { text: 'Put the app under the cookie domain, turn on Force SSL, or add authelia_url to the cookie entry.' },
    ],
    guide: `${TROUBLE}#auth-request-unexpected-status-400`,
    builder: { builder: 'npm', field: 'cookieDomain' },
  },
  {
    id: 'nginx-auth-request-redirect',
    tool: 'nginx',
    title: 'auth request unexpected status: 3xx (wrong Authelia endpoint)',
    needle: 'auth request unexpected status: 30',
    pattern: /auth request unexpected status: 30[0-8]\b/,
    specificity: 70,
    cause:
      "The permission check reached an endpoint that answers with a redirect, such as Authelia's legacy /api/verify with rd= or its forward-auth endpoint, or the portal itself. nginx's auth_request only understands 2xx, 401 and 403.",
    fix: [{ text: 'Point $upstream_authelia at the auth-request endpoint: http://authelia:9091/api/authz/auth-request.' }],
    guide: `${TROUBLE}#error-messages-word-for-word`,
    builder: UPSTREAM,
  },
  {
    id: 'nginx-auth-request-404',
    tool: 'nginx',
    title: 'auth request unexpected status: 404',
    needle: 'auth request unexpected status: 404',
    pattern: /auth request unexpected status: 404\b/,
    specificity: 70,
    cause:
      'The check reached a server that has no such path: the port belongs to another service, or the path in $upstream_authelia is not /api/authz/auth-request (or server.endpoints.authz does not list auth-request).',
    fix: [
      {
        text: 'Use http://authelia:9091/api/authz/auth-request, and keep auth-request in server.endpoints.authz if you configured that list.',
      },
    ],
    guide: `${TROUBLE}#error-messages-word-for-word`,
    builder: UPSTREAM,
  },
  {
    id: 'nginx-invalid-url-prefix',
    tool: 'nginx',
    title: 'invalid URL prefix (empty or scheme-less proxy_pass variable)',
    needle: 'invalid url prefix in',
    pattern: /invalid URL prefix in "[^"\n]{0,500}"/,
    specificity: 60,
    cause:
      'A proxy_pass built from a variable had no http:// or https:// in front, usually because the variable (often $upstream_authelia) is not set on this host.',
    fix: [
      {
        text: 'Add the set $upstream_authelia http://authelia:9091/api/authz/auth-request; line to this host, or the scheme to the variable.',
      },
    ],
    guide: `${TROUBLE}#auth-request-unexpected-status-500`,
    builder: UPSTREAM,
  },
  {
    id: 'nginx-upstream-localhost',
    tool: 'nginx',
    title: 'Upstream is localhost inside the NPM container',
    needle: 'while connecting to upstream',
    pattern:
      /(?:connect\(\) failed \(111: Connection refused\)|upstream timed out \(110: [A-Za-z ]{1,40}\)) while connecting to upstream,[^\n]{0,1500}upstream: "https?:\/\/(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])[:/"]/,
    specificity: 65,
    supersedes: ['nginx-upstream-refused', 'nginx-upstream-timeout'],
    cause:
      "The proxy host forwards to 127.0.0.1 or localhost. Inside NPM's container that is NPM itself, not your server, so nothing listens there. (If this is the auth_request subrequest, the same applies to Authelia.)",
    fix: [
      {
        text: "Forward to the app's container name on a shared Docker network (for example http://app:8080), or to the server's LAN address.",
      },
      {
        text: 'Check both containers share a network.',
        command: 'docker network inspect proxy --format "{{range .Containers}}{{.Name}} {{end}}"',
      },
    ],
    guide: `${NPM}#add-a-proxy-host`,
    builder: { builder: 'npm', field: 'hosts[0].hostname' },
  },
  {
    id: 'nginx-upstream-refused',
    tool: 'nginx',
    title: 'Upstream refused the connection (502 Bad Gateway)',
    needle: 'connection refused) while connecting to upstream',
    pattern: /connect\(\) failed \(111: Connection refused\) while connecting to upstream/,
    specificity: 50,
    cause:
      'nginx reached the address but nothing listened on that port: the app (or Authelia) is stopped, listens on another port, or only on its own localhost.',
    fix: [
      { text: 'Check the container runs and which port it listens on.', command: 'docker compose ps' },
      { text: "Set the proxy host's Forward Hostname/Port to the container name and the port inside the container." },
    ],
    guide: `${NPM}#add-a-proxy-host`,
    builder: { builder: 'npm', field: 'hosts[0].hostname' },
  },
  {
    id: 'nginx-upstream-timeout',
    tool: 'nginx',
    title: 'Upstream timed out (504 Gateway Time-out)',
    needle: 'upstream timed out',
    pattern:
      /upstream timed out \(110: (?:Connection|Operation) timed out\) while (?:connecting to|reading response header from) upstream(?!\()/,
    specificity: 50,
    cause:
      'nginx got no answer in time: a firewall drops the packets (ufw in front of a published port, a VLAN rule), the address is wrong, or the app hangs.',
    fix: [
      {
        text: 'Try the upstream from inside the NPM container.',
        command: 'docker exec -it npm curl -sv http://app:8080/ -o /dev/null',
      },
      { text: 'Prefer the container name on a shared Docker network over the host IP, so no host firewall sits in between.' },
    ],
    guide: `${NPM}#add-a-proxy-host`,
    builder: { builder: 'npm', field: 'hosts[0].hostname' },
  },
  {
    id: 'nginx-duplicate-location-root',
    tool: 'nginx',
    title: 'duplicate location "/"',
    needle: 'duplicate location "/"',
    pattern: /duplicate location "\/"/,
    specificity: 60,
    cause:
      'The Advanced tab adds a location / block and NPM writes its own for the same host. With NPM that happens when Custom Locations or a second snippet also define /; nginx then refuses the whole configuration and the host goes offline.',
    fix: [
      {
        text: 'Keep one location / per host: remove the Custom Location for /, or use the snippet that replaces the default location.',
      },
      { text: "Test NPM's configuration.", command: 'docker exec npm nginx -t' },
    ],
    guide: `${TROUBLE}#error-messages-word-for-word`,
    builder: { builder: 'npm', field: 'hosts[0].customLocations' },
  },
  {
    id: 'certbot-challenges-failed',
    tool: 'nginx',
    title: 'Certificate: "Some challenges have failed" (NPM "Internal Error")',
    needle: 'some challenges have failed',
    pattern: /Some challenges have failed\./i,
    specificity: 40,
    cause:
      'Let\'s Encrypt could not verify the domain. With the HTTP challenge it must reach port 80 of NPM from the internet, which this build closes on purpose; NPM shows only "Internal Error".',
    fix: [
      {
        text: 'Request a wildcard certificate over DNS-01 with a scoped Cloudflare API token instead; no port needs to be open.',
      },
      {
        text: "Read certbot's own log for the reason.",
        command: 'docker exec npm tail -n 50 /tmp/letsencrypt-log/letsencrypt.log',
      },
    ],
    guide: `${NPM}#when-the-request-ends-in-internal-error`,
  },
  {
    id: 'certbot-http01-unreachable',
    tool: 'nginx',
    title: 'Certificate: the HTTP challenge could not be downloaded',
    needle: 'challenge',
    pattern:
      /(?:Invalid response from https?:\/\/[^\s/]{1,253}\/\.well-known\/acme-challenge\/|failed to download the temporary challenge files)/i,
    specificity: 55,
    supersedes: ['certbot-challenges-failed'],
    cause:
      "Let's Encrypt fetched the HTTP challenge file and got an error page or nothing: port 80 is closed or forwarded elsewhere, or Cloudflare's proxy answers in front of NPM (a 5xx such as 522).",
    fix: [{ text: 'Switch the certificate to DNS-01 with a Cloudflare API token; it needs no open port.' }],
    guide: `${NPM}#issue-a-wildcard-certificate-over-dns-01`,
  },
  {
    id: 'certbot-cloudflare-token-invalid',
    tool: 'nginx',
    title: 'Certificate: Cloudflare rejects the token (9109)',
    needle: 'error determining zone_id: 9109',
    pattern: /Error determining zone_id: 9109\b/i,
    specificity: 60,
    supersedes: ['certbot-challenges-failed'],
    cause: 'Cloudflare did not accept the API token certbot sent: it was mistyped, revoked, or lacks Zone:DNS:Edit on this zone.',
    fix: [
      { text: 'Create a scoped token (Zone → DNS → Edit, on this zone only) and paste it whole as dns_cloudflare_api_token.' },
      {
        text: 'Check the token.',
        command: 'curl -s -H "Authorization: Bearer $TOKEN" https://api.cloudflare.com/client/v4/user/tokens/verify',
      },
    ],
    guide: `${NPM}#create-a-scoped-cloudflare-api-token`,
  },
  {
    id: 'certbot-cloudflare-credentials-format',
    tool: 'nginx',
    title: 'Certificate: Cloudflare credentials in the wrong form (6003)',
    needle: 'error determining zone_id: 6003',
    pattern: /Error determining zone_id: 6003\b/i,
    specificity: 60,
    supersedes: ['certbot-challenges-failed'],
    cause:
      'Cloudflare got malformed credentials: the credentials box still holds the global-key lines (dns_cloudflare_email / dns_cloudflare_api_key) or a token pasted into the key line, or the token was cut short.',
    fix: [{ text: 'Replace the whole credentials box with a single line: dns_cloudflare_api_token = <your token>.' }],
    guide: `${NPM}#request-the-certificate-in-npm`,
  },
];
