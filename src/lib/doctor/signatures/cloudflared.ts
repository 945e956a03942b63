/** cloudflared (Cloudflare Tunnel) messages. */
import type { Signature } from '../types';

const CT = '/guides/cloudflare-tunnel/';

export const CLOUDFLARED_SIGNATURES: readonly Signature[] = [
  {
    id: 'cloudflared-origin-dns',
    tool: 'cloudflared',
    title: 'Tunnel origin name does not resolve',
    needle: 'unable to reach the origin service',
    pattern: /Unable to reach the origin service\.[^\n]{0,300}lookup [\w.-]{1,253} on [^\n]{1,80}no such host/,
    specificity: 60,
    supersedes: ['cloudflared-origin-unreachable'],
    cause:
      "The ingress rule's service names a host cloudflared cannot resolve: a container name on a Docker network cloudflared is not attached to, or a typo.",
    fix: [{ text: 'Attach cloudflared to the same Docker network as the service, or use an address it can reach.' }],
    guide: `${CT}#config-file-tunnel-and-ingress-rules`,
  },
  {
    id: 'cloudflared-origin-unreachable',
    tool: 'cloudflared',
    title: 'Unable to reach the origin service',
    needle: 'unable to reach the origin service',
    pattern:
      /Unable to reach the origin service\. The service may be down or it may not be responding to traffic from cloudflared/,
    specificity: 50,
    cause:
      'cloudflared got a request for this hostname and could not connect to the service its ingress rule names: the service is down, listens on another port, or is localhost of a different container.',
    fix: [
      {
        text: "Check the rule's service address from where cloudflared runs.",
        command: 'cloudflared tunnel ingress rule https://app.example.com',
      },
      { text: 'In Docker, use the service container name, not localhost.' },
    ],
    guide: `${CT}#config-file-tunnel-and-ingress-rules`,
  },
  {
    id: 'cloudflared-ingress-catch-all',
    tool: 'cloudflared',
    title: 'The last ingress rule must match all URLs',
    needle: 'the last ingress rule must match all urls',
    pattern: /The last ingress rule must match all URLs/i,
    specificity: 50,
    cause: 'cloudflared needs a final catch-all rule without hostname or path, so requests for other names get a defined answer.',
    fix: [
      {
        text: 'End the ingress list with - service: http_status:404, then validate.',
        command: 'cloudflared tunnel ingress validate',
      },
    ],
    guide: `${CT}#config-file-tunnel-and-ingress-rules`,
  },
  {
    id: 'cloudflared-token-invalid',
    tool: 'cloudflared',
    title: 'Provided Tunnel token is not valid',
    needle: 'tunnel token is not valid',
    pattern: /Provided Tunnel token is not valid/i,
    specificity: 50,
    cause:
      'The token given to cloudflared tunnel run --token is cut short, quoted twice, or not a tunnel token at all (an API token looks similar).',
    fix: [
      { text: "Copy the token again from the tunnel's install command and pass it as TUNNEL_TOKEN from .env, without quotes." },
    ],
    guide: `${CT}#dashboard-managed-tunnel`,
    builder: { builder: 'compose', field: 'composeSource' },
  },
  {
    id: 'cloudflared-invalid-tunnel-secret',
    tool: 'cloudflared',
    title: 'Unauthorized: Invalid tunnel secret',
    needle: 'invalid tunnel secret',
    pattern: /Unauthorized: Invalid tunnel secret/,
    specificity: 50,
    cause:
      'The credentials file does not belong to the tunnel being started (several tunnels on one machine, or a tunnel re-created under the same name).',
    fix: [
      { text: 'Point credentials-file at the JSON named after the tunnel UUID you run.', command: 'cloudflared tunnel list' },
    ],
    guide: `${CT}#config-file-tunnel-and-ingress-rules`,
  },
];
