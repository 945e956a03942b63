/** Home Assistant's messages about a reverse proxy in front of it. */
import type { Signature } from '../types';

const NPM = '/guides/nginx-proxy-manager/';

export const HOME_ASSISTANT_SIGNATURES: readonly Signature[] = [
  {
    id: 'home-assistant-proxy-not-configured',
    tool: 'home-assistant',
    title: 'Home Assistant: 400 Bad Request behind the proxy',
    needle: 'not set-up for reverse proxies',
    pattern:
      /A request from a reverse proxy was received from [0-9a-fA-F.:]{2,45}, but your HTTP integration is not set-up for reverse proxies/,
    specificity: 50,
    cause:
      'Home Assistant sees X-Forwarded-For from NPM but was not told to trust a proxy, so it answers every proxied request with 400 Bad Request.',
    fix: [
      {
        text: "Add the proxy's address (or its Docker network) to configuration.yaml and restart Home Assistant.",
        command: 'http:\n  use_x_forwarded_for: true\n  trusted_proxies:\n    - 172.16.0.0/12',
      },
      { text: 'Turn on Websockets Support on the proxy host as well.' },
    ],
    guide: `${NPM}#add-a-proxy-host`,
    builder: { builder: 'npm', field: 'hosts[0].websockets' },
  },
  {
    id: 'home-assistant-untrusted-proxy',
    tool: 'home-assistant',
    title: 'Home Assistant: X-Forwarded-For from an untrusted proxy',
    needle: 'untrusted proxy',
    pattern: /Received X-Forwarded-For header from (?:an )?untrusted proxy [0-9a-fA-F.:]{2,45}/,
    specificity: 50,
    cause:
      "use_x_forwarded_for is on, but the address NPM connects from is not in trusted_proxies (Docker's network address changed, or only 127.0.0.1 is listed).",
    fix: [{ text: 'Add the address from the message (or its network) to http.trusted_proxies and restart Home Assistant.' }],
    guide: `${NPM}#add-a-proxy-host`,
    builder: { builder: 'npm', field: 'hosts[0].websockets' },
  },
];
