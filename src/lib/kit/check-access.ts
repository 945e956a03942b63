/**
 * Authelia against NPM: every proxy host under a cookie domain of configuration.yml and decided by a rule (simulated
 * with the access-control simulator, src/lib/authelia/access-control/match.ts) with the login npm/checklist.md
 * promises; one portal URL in configuration.yml, every snippet and the checklist; no upstream NPM cannot reach.
 */
import { LineCounter, parseDocument } from 'yaml';
import { matchRequest } from '../authelia/access-control/match';
import { error, type Diagnostic, type GeneratedFile } from '../core';
import { isInCookieScope } from '../core/domain';
import { isRecord } from '../core/guards';
import { PORTAL_MARK } from './npm';
import { KIT_FILES, NPM_DIR } from './types';
import { LOOPBACK_HOSTS } from './validate';

export interface ChecklistHost {
  host: string;
  line: number;
  forward?: { host: string; line: number };
  login?: string;
}

/** The checklist's machine-readable lines: `Portal: <url>`, `## <host>`, `- Forward: <url>`, `- Login: <policy>`. */
export function readChecklist(text: string): { portal?: { url: string; line: number }; hosts: ChecklistHost[] } {
  const hosts: ChecklistHost[] = [];
  let portal: { url: string; line: number } | undefined;
  let current: ChecklistHost | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const portalMatch = /^Portal: (\S+)/.exec(raw);
    if (portalMatch && !portal) portal = { url: portalMatch[1]!, line };
    const heading = /^## (\S+)\s*$/.exec(raw);
    if (heading) {
      current = { host: heading[1]!, line };
      hosts.push(current);
      return;
    }
    if (/^# /.test(raw)) current = undefined;
    if (!current) return;
    const forward = /^- Forward: \w+:\/\/(\[[^\]]+\]|[^:/]+)/.exec(raw);
    if (forward) current.forward = { host: forward[1]!.replace(/^\[|\]$/g, ''), line };
    const login = /^- Login: (\w+)/.exec(raw);
    if (login) current.login = login[1]!;
  });
  return { ...(portal ? { portal } : {}), hosts };
}

interface Cookie {
  domain: string;
  url: string;
  line: number;
}

export function checkAccess(files: readonly GeneratedFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const config = files.find((f) => f.name === KIT_FILES.autheliaConfig);
  if (!config)
    return [error('kit-file-missing', 'The kit has no authelia/configuration.yml.', { path: KIT_FILES.autheliaConfig })];
  const lines = new LineCounter();
  const doc = parseDocument(config.content, { lineCounter: lines });
  const data: unknown = doc.errors.length ? undefined : doc.toJS();
  if (!isRecord(data)) {
    return [
      error('kit-authelia-yaml', 'authelia/configuration.yml is not valid YAML.', { path: KIT_FILES.autheliaConfig, line: 1 }),
    ];
  }
  const session = isRecord(data.session) ? data.session : {};
  const cookies: Cookie[] = (Array.isArray(session.cookies) ? session.cookies : []).flatMap((cookie, i) => {
    if (!isRecord(cookie)) return [];
    const node = doc.getIn(['session', 'cookies', i, 'authelia_url'], true) as { range?: [number, number, number] } | undefined;
    return [
      {
        domain: String(cookie.domain ?? ''),
        url: String(cookie.authelia_url ?? ''),
        line: lines.linePos(node?.range?.[0] ?? 0).line,
      },
    ];
  });
  const portalUrls = new Set(cookies.map((c) => c.url));
  const portalHosts = new Set(cookies.flatMap((c) => (URL.canParse(c.url) ? [new URL(c.url).hostname] : [])));
  const portalText = [...portalUrls].join(' or ') || '(none)';

  // One portal URL everywhere.
  const snippets = files.filter((f) => f.name.startsWith(NPM_DIR) && f.name.endsWith('.advanced.conf'));
  for (const snippet of snippets) {
    const index = snippet.content.split('\n').findIndex((l) => l.startsWith(PORTAL_MARK));
    const url = index >= 0 ? /^\S+/.exec(snippet.content.split('\n')[index]!.slice(PORTAL_MARK.length).trim())?.[0] : undefined;
    if (url !== undefined && !portalUrls.has(url))
      out.push(
        error(
          'kit-portal-mismatch',
          `${snippet.name} is written for the portal ${url}, but configuration.yml's authelia_url is ${portalText}: logins would loop between the two.`,
          {
            path: snippet.name,
            line: index + 1,
          },
        ),
      );
    const autheliaUpstream = /set \$upstream_authelia \w+:\/\/([^:/;\s]+)/.exec(snippet.content)?.[1];
    if (autheliaUpstream && LOOPBACK_HOSTS.test(autheliaUpstream))
      out.push(
        error(
          'kit-upstream-loopback',
          `${snippet.name} asks Authelia at ${autheliaUpstream}, which inside NPM's container is NPM itself; use http://authelia:9091.`,
          {
            path: snippet.name,
            line: snippet.content.split('\n').findIndex((l) => l.includes('set $upstream_authelia')) + 1,
          },
        ),
      );
  }
  const checklistFile = files.find((f) => f.name === KIT_FILES.npmChecklist);
  const checklist = readChecklist(checklistFile?.content ?? '');
  if (checklist.portal && !portalUrls.has(checklist.portal.url))
    out.push(
      error(
        'kit-portal-mismatch',
        `npm/checklist.md names the portal ${checklist.portal.url}, but configuration.yml's authelia_url is ${portalText}.`,
        {
          path: KIT_FILES.npmChecklist,
          line: checklist.portal.line,
        },
      ),
    );

  // Upstreams NPM can reach.
  for (const entry of checklist.hosts) {
    if (entry.forward && LOOPBACK_HOSTS.test(entry.forward.host))
      out.push(
        error(
          'kit-upstream-loopback',
          `${entry.host} forwards to ${entry.forward.host}, which inside NPM's container is NPM itself (502). Use the app's LAN address or its container name on the kit network.`,
          {
            path: KIT_FILES.npmChecklist,
            line: entry.forward.line,
          },
        ),
      );
  }

  // Every proxy host: inside a cookie domain, decided by a rule, with the login the checklist promises.
  const accessControl = data.access_control;
  const logins = new Map(checklist.hosts.map((h) => [h.host, h.login]));
  for (const snippet of snippets) {
    const host = snippet.name.slice(NPM_DIR.length, -'.advanced.conf'.length);
    if (portalHosts.has(host)) continue;
    if (!cookies.some((c) => isInCookieScope(host, c.domain)))
      out.push(
        error(
          'kit-host-outside-cookie',
          `${host} is under no session cookie domain of configuration.yml (${cookies.map((c) => c.domain).join(', ') || 'none'}): the login cookie never reaches it and Authelia refuses to judge it.`,
          {
            path: KIT_FILES.autheliaConfig,
            line: cookies[0]?.line ?? 1,
          },
        ),
      );
    const result = matchRequest(accessControl, { url: `https://${host}/` });
    const rulesLine = lines.linePos(
      (doc.getIn(['access_control'], true) as { range?: [number] } | undefined)?.range?.[0] ?? 0,
    ).line;
    if (result.usedDefault)
      out.push(
        error(
          'kit-host-default-policy',
          `No access_control rule names ${host}, so it falls to default_policy (${result.policy}); add a rule for it.`,
          {
            path: KIT_FILES.autheliaConfig,
            line: rulesLine,
          },
        ),
      );
    else if (logins.get(host) === 'two_factor' && result.policy !== 'two_factor')
      out.push(
        error(
          'kit-host-needs-2fa',
          `${host} is a sensitive service, but the rule that decides it asks for ${result.policy}; it needs two_factor.`,
          {
            path: KIT_FILES.autheliaConfig,
            line: rulesLine,
          },
        ),
      );
    else if (result.policy === 'bypass')
      out.push(
        error('kit-host-bypass', `${host} is proxied with Authelia, but its rule is bypass: anyone gets in without a login.`, {
          path: KIT_FILES.autheliaConfig,
          line: rulesLine,
        }),
      );
  }
  return out;
}
