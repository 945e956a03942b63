import { AUTHZ_ENDPOINT, type HostPlan } from './render';
import type { Portal, Upstream } from './validate';

export interface ChecklistInput {
  plans: readonly HostPlan[];
  upstream?: Upstream;
  portal?: Portal;
  cookieDomain?: string;
}

const COMMON_DETAILS = [
  '"Block Common Exploits" can stay on: it works at server level and still applies.',
  '"Cache Assets": OFF if the app serves per-user files (avatars, private thumbnails, generated scripts): NPM\'s cache keeps one copy per URL and hands it to the next visitor.',
];

function customLocationsLine(plan: HostPlan): string {
  return plan.role === 'protected'
    ? 'Custom Locations: best left empty (Authelia checks them too, but their apps get no Remote-* identity headers; list extra paths in the builder instead).'
    : 'Custom Locations: none under a protected path (they would bypass Authelia there); put extra paths into the builder.';
}

function sslLines(plan: HostPlan): string[] {
  const hsts = plan.hsts
    ? 'HSTS on (as in the builder)'
    : 'HSTS as you like (tick it in the builder too if the snippet adds headers)';
  return [`SSL: a certificate, "Force SSL" on (Authelia refuses http:// targets), HTTP/2 as you like, ${hsts}.`];
}

function portalSection(plan: HostPlan, upstream: Upstream | undefined): string[] {
  const fwd = upstream
    ? `Details: Scheme ${upstream.scheme}, Forward Hostname / IP ${upstream.host}, Forward Port ${upstream.port ?? (upstream.scheme === 'https' ? '443' : '80')}.`
    : 'Details: Scheme, Forward Hostname / IP and Forward Port of the Authelia container.';
  return [
    fwd,
    'Access List: "Publicly Accessible" (the login page must be reachable; it is ignored with this snippet anyway).',
    'Leave "Cache Assets" off and do not add this host to any protected list (it would redirect to itself).',
    ...sslLines(plan),
  ];
}

function appSection(plan: HostPlan): string[] {
  if (plan.role === 'plain')
    return [
      'NPM settings apply as usual; this host is not behind Authelia. The snippet only refuses requests that bring their own Remote-* headers.',
      COMMON_DETAILS[1]!,
    ];
  const ws = plan.websockets
    ? '"Websockets Support": no effect here; the snippet forwards WebSocket headers itself.'
    : '"Websockets Support": no effect on protected locations; tick "websockets" in the builder if the app needs them.';
  return [
    'Details: Scheme, Forward Hostname / IP and Forward Port of the app (the snippet uses them through $forward_scheme, $server and $port).',
    ws,
    'Access List: "Publicly Accessible"; use Authelia access_control rules (the Access List does not apply to the snippet\'s locations).',
    ...COMMON_DETAILS,
    customLocationsLine(plan),
    ...sslLines(plan),
  ];
}

function section(plan: HostPlan, upstream: Upstream | undefined): string[] {
  const role = { portal: 'Authelia portal', protected: 'protected', paths: 'some paths protected', plain: 'not protected' }[
    plan.role
  ];
  const body = plan.role === 'portal' ? portalSection(plan, upstream) : appSection(plan);
  const paste = [
    `Advanced: paste ${plan.hostname}.advanced.conf as it is, replacing anything there, then Save (the host must stay Online).`,
  ];
  return ['', `## ${plan.hostname} (${role})`, '', ...[...body, ...paste].map((l) => `- [ ] ${l}`)];
}

function autheliaSection(input: ChecklistInput): string[] {
  const lines = ['', '## Authelia', ''];
  const items: string[] = [];
  if (input.cookieDomain && input.portal) {
    items.push(
      `session.cookies: an entry with domain ${input.cookieDomain} and authelia_url ${input.portal.url} (without authelia_url, Authelia's 401 has no Location and the browser is left on an empty redirect).`,
    );
  }
  if (input.upstream)
    items.push(
      `NPM reaches Authelia at ${input.upstream.scheme}://${input.upstream.authority}${AUTHZ_ENDPOINT} (same Docker network as NPM).`,
    );
  items.push('access_control: a rule for each protected host; default_policy deny.');
  items.push(
    'Resolver: NPM resolves the Authelia name per request with the DNS servers of its container, so both must share a Docker network.',
  );
  items.push(
    "Test from a private window: a protected host redirects to the portal. From a LAN client, also send a made-up X-Real-IP or X-Forwarded-For header with curl: you must still get 302 (NPM trusts X-Real-IP from private ranges, which matters for Authelia's networks rules; the builder's real-client-IP section narrows that). A request with a made-up Remote-User header must get 400 on every host.",
  );
  return [...lines, ...items.map((l) => `- [ ] ${l}`)];
}

/** The notes file: what to set in NPM's Details / SSL tabs for each host. */
export function renderChecklist(input: ChecklistInput): string {
  const lines = [
    '# Nginx Proxy Manager checklist',
    '',
    'For each proxy host: set the Details and SSL tabs as below, then paste its Advanced text.',
    ...input.plans.flatMap((p) => section(p, input.upstream)),
    ...autheliaSection(input),
  ];
  return `${lines.join('\n')}\n`;
}
