import { error, info, sortDiagnostics, warning, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../core';
import { renderChecklist } from './checklist';
import { cookieDomainCheck, hostChecks } from './checks';
import { checkRealIp, realIpLines, renderRealIpNotes } from './realip';
import { renderAdvanced, type HostPlan } from './render';
import type { NpmHost, NpmOptions } from './types';
import {
  checkCookieDomain,
  checkHostname,
  checkPath,
  checkPortalUrl,
  checkUpstream,
  inDomain,
  isHostname,
  portalParentDomain,
  type Portal,
} from './validate';
import { isAcceptedBaseDomain } from '../core/domain';

export const CHECKLIST_FILE = 'npm-checklist.md';
/** The real-client-IP notes (NPM, Authelia, apps), written once a real-IP mode is chosen. */
export const REAL_IP_FILE = 'real-client-ip.md';

/** Coerces loosely typed UI state so that a missing field never throws. */
function normalizeHost(raw: Partial<NpmHost> | undefined): NpmHost {
  const h = raw ?? {};
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x ?? '')) : []);
  return {
    ...h,
    hostname: String(h.hostname ?? ''),
    protected: h.protected === true,
    websockets: h.websockets === true,
    paths: list(h.paths),
    customLocations: list(h.customLocations),
    caseInsensitive: h.caseInsensitive === true,
  };
}

interface PathsResult {
  paths: string[];
  root: boolean;
  diagnostics: Diagnostic[];
}

function checkPaths(paths: readonly string[], at: string): PathsResult {
  const out: PathsResult = { paths: [], root: false, diagnostics: [] };
  paths.forEach((raw, j) => {
    const path = `${at}.paths[${j}]`;
    const c = checkPath(raw, path);
    out.diagnostics.push(...c.diagnostics);
    if (c.root) out.root = true;
    else if (c.value !== undefined && out.paths.includes(c.value)) {
      out.diagnostics.push(warning('path-duplicate', `Path ${c.value} is listed twice; the second entry is ignored.`, { path }));
    } else if (c.value !== undefined) out.paths.push(c.value);
  });
  return out;
}

function rootPathNote(host: NpmHost, at: string): Diagnostic {
  const msg = host.protected
    ? `Path / is the whole host, which "protected" already covers; the entry is ignored.`
    : `Path / is the whole host: ${host.hostname} is protected as a whole (as if "protected" were on).`;
  return info('path-root', msg, { path: `${at}.paths` });
}

function planHost(host: NpmHost, hostname: string, isPortal: boolean, at: string): { plan: HostPlan; diagnostics: Diagnostic[] } {
  const checked = checkPaths(host.paths, at);
  const diagnostics = [...checked.diagnostics];
  if (checked.root && !isPortal) diagnostics.push(rootPathNote(host, at));
  const wantsAuth = host.protected || checked.root || checked.paths.length > 0;
  if (isPortal && wantsAuth) {
    const msg = `${hostname} is the Authelia portal (from the portal URL), so it is never protected by Authelia: the login page would redirect to itself forever (TOO_MANY_REDIRECTS). Its snippet has no auth; turn "protected" off and remove its paths.`;
    diagnostics.push(warning('portal-protected', msg, { path: `${at}.protected` }));
  }
  const role: HostPlan['role'] = isPortal
    ? 'portal'
    : host.protected || checked.root
      ? 'protected'
      : checked.paths.length > 0
        ? 'paths'
        : 'plain';
  const plan: HostPlan = {
    hostname,
    role,
    websockets: host.websockets,
    paths: role === 'portal' ? [] : checked.paths,
    securityHeaders: host.securityHeaders === true,
    hsts: host.hsts === true,
    hstsSubdomains: host.hstsSubdomains === true,
    caseInsensitive: host.caseInsensitive === true,
  };
  return { plan, diagnostics };
}

function portalDefaults(hostname: string): NpmHost {
  return { hostname, protected: false, websockets: false, paths: [] };
}

interface Context {
  portal?: Portal;
  cookieDomain?: string;
}

function portalDomainCheck(ctx: Context): Diagnostic[] {
  const { portal, cookieDomain } = ctx;
  if (!portal || !cookieDomain || inDomain(portal.hostname, cookieDomain)) return [];
  const parent = portalParentDomain(portal.hostname);
  const msg = `The portal ${portal.hostname} is outside the cookie domain ${cookieDomain}: Authelia requires authelia_url to be inside session.cookies[].domain, and the login cookie would not reach your apps. Put the portal under ${cookieDomain} (e.g. auth.${cookieDomain}) or change the cookie domain.`;
  return [
    warning('portal-outside-cookie-domain', msg, {
      path: 'portalUrl',
      ...(isHostname(`auth.${cookieDomain}`) ? { fix: `https://auth.${cookieDomain}` } : {}),
      // Or the cookie domain follows the portal: the builder offers whichever keeps the reader's latest edit.
      ...(isAcceptedBaseDomain(parent) ? { alternative: { path: 'cookieDomain', fix: parent } } : {}),
    }),
  ];
}

function resolverNote(plans: readonly HostPlan[], upstreamHost: string | undefined): Diagnostic[] {
  if (!upstreamHost || /^[\d.]+$|^\[/.test(upstreamHost) || !plans.some((p) => p.role === 'protected' || p.role === 'paths'))
    return [];
  const msg = `The snippets keep ${upstreamHost} in a variable, so NPM resolves it per request through the resolver it writes from its container's DNS settings; NPM keeps loading even while Authelia is stopped (protected hosts answer 500 until it is back). NPM and Authelia must share a Docker network.`;
  return [info('resolver-note', msg, { path: 'autheliaUpstream' })];
}

/**
 * The tab of a host whose name is in error: no snippet, and a comment that says so in place of one. The typed name
 * and the messages stay out of it (they may hold nginx syntax); the builder shows them on the field.
 */
function unwrittenHost(index: number, duplicate: boolean): GeneratedFile {
  const reason = duplicate ? 'its domain name is listed twice' : 'its domain name is empty or not a valid name';
  return {
    name: `host-${index + 1}.advanced.conf`,
    language: 'nginx',
    content: [
      `# Host ${index + 1}: no snippet, because ${reason}; the builder says why on the field.`,
      "# Fix the name there and this tab shows the snippet to paste into the host's Advanced tab.",
      '',
    ].join('\n'),
  };
}

/** Generates one Advanced-tab snippet per NPM proxy host plus the checklist file. Never throws. */
export function generateNpmSnippets(options: NpmOptions): GeneratorResult {
  const opts = options ?? ({} as NpmOptions);
  const upstream = checkUpstream(String(opts.autheliaUpstream ?? ''));
  const portal = checkPortalUrl(String(opts.portalUrl ?? ''));
  const cookie = checkCookieDomain(opts.cookieDomain === undefined ? undefined : String(opts.cookieDomain), portal.value);
  const ctx: Context = {
    ...(portal.value ? { portal: portal.value } : {}),
    ...(cookie.value ? { cookieDomain: cookie.value } : {}),
  };
  const diagnostics: Diagnostic[] = [
    ...upstream.diagnostics,
    ...portal.diagnostics,
    ...cookie.diagnostics,
    ...portalDomainCheck(ctx),
  ];
  const realIp = checkRealIp(opts.realIp);
  diagnostics.push(...realIp.diagnostics);
  const realIpText = realIpLines(realIp.plan);

  const hosts = (Array.isArray(opts.hosts) ? opts.hosts : []).map(normalizeHost);
  // Each host in order: its plan, or (while its name is in error) a file that says why there is no snippet, so the
  // host keeps its tab instead of vanishing from the output.
  const plans: (HostPlan | GeneratedFile)[] = [];
  let portalPlan: HostPlan | undefined;
  const seen = new Set<string>();
  hosts.forEach((host, i) => {
    const at = `hosts[${i}]`;
    const name = checkHostname(host.hostname, `${at}.hostname`);
    diagnostics.push(...name.diagnostics);
    if (!name.value) {
      plans.push(unwrittenHost(i, false));
      return;
    }
    if (seen.has(name.value)) {
      diagnostics.push(
        error('hostname-duplicate', `${name.value} is listed twice; NPM has one proxy host per name, so merge the two entries.`, {
          path: `${at}.hostname`,
        }),
      );
      plans.push(unwrittenHost(i, true));
      return;
    }
    seen.add(name.value);
    const isPortal = name.value === ctx.portal?.hostname;
    const { plan, diagnostics: d } = planHost(host, name.value, isPortal, at);
    diagnostics.push(...d, ...hostChecks(host, plan, at));
    diagnostics.push(
      ...cookieDomainCheck(plan, ctx.cookieDomain, ctx.cookieDomain ? inDomain(plan.hostname, ctx.cookieDomain) : true, at),
    );
    if (isPortal) portalPlan = plan;
    else plans.push(plan);
  });
  if (ctx.portal && !portalPlan)
    portalPlan = planHost(portalDefaults(ctx.portal.hostname), ctx.portal.hostname, true, 'portalUrl').plan;

  const written = plans.filter((entry): entry is HostPlan => !('content' in entry));
  const ordered = portalPlan ? [portalPlan, ...written] : written;
  diagnostics.push(...resolverNote(ordered, upstream.value?.host));
  const files: GeneratedFile[] = [...(portalPlan ? [portalPlan] : []), ...plans].map((entry) =>
    'content' in entry
      ? entry
      : {
          name: `${entry.hostname}.advanced.conf`,
          language: 'nginx',
          content: renderAdvanced(entry, upstream.value, realIpText),
        },
  );
  files.push({
    name: CHECKLIST_FILE,
    language: 'markdown',
    content: renderChecklist({ plans: ordered, ...ctx, ...(upstream.value ? { upstream: upstream.value } : {}) }),
  });
  if (realIp.plan.mode !== 'unset')
    files.push({ name: REAL_IP_FILE, language: 'markdown', content: renderRealIpNotes(realIp.plan) });
  return { files, diagnostics: sortDiagnostics(diagnostics) };
}
