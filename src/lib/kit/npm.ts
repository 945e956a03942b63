/**
 * npm/<host>.advanced.conf for the portal and every proxied service (the NPM builder's snippets, headed by the portal
 * URL they belong to), and npm/checklist.md: the exact Details/SSL values of each proxy host, then the NPM builder's
 * own checklist. The tunnelled service is not a proxy host: cloudflared reaches it directly.
 */
import type { Diagnostic, GeneratedFile } from '../core';
import { CHECKLIST_FILE, generateNpmSnippets } from '../npm/generate';
import { hostOf, PORTAL_SUBDOMAIN, portalUrl, toNpmOptions, type Profile, type ProfileService } from '../profile/model';
import { KIT_FILES, NPM_DIR, type KitChoices } from './types';

/** The first line of every kit snippet; checkFrontDoorKit compares it with configuration.yml. */
export const PORTAL_MARK = '# Front-door kit portal:';

/** The services NPM proxies: every one but the tunnelled one. */
export function proxiedServices(profile: Profile, choices: KitChoices): ProfileService[] {
  return profile.services.filter((s) => !(choices.tunnel.enabled && s.name === choices.tunnel.service));
}

/** Ports whose apps usually serve HTTPS themselves (Proxmox 8006, Portainer 9443, UniFi 8443, any 443). */
const HTTPS_PORTS = new Set(['443', '8006', '8443', '9443']);

export const snippetName = (host: string) => `${NPM_DIR}${host}.advanced.conf`;

function hostSection(
  host: string,
  forward: { scheme: string; host: string; port: string },
  login: string,
  websockets: boolean,
  domain: string,
): string[] {
  return [
    `## ${host}`,
    '',
    `- Forward: ${forward.scheme}://${forward.host}:${forward.port}`,
    `- Login: ${login}`,
    `- [ ] Details: Domain Names \`${host}\`, Scheme \`${forward.scheme}\`, Forward Hostname / IP \`${forward.host}\`, Forward Port \`${forward.port}\`${websockets ? ', Websockets Support on' : ''}, Access List "Publicly Accessible".`,
    `- [ ] SSL: the wildcard certificate \`*.${domain}\` (DNS challenge), Force SSL on, HTTP/2 on.`,
    `- [ ] Advanced: paste \`${snippetName(host)}\` as it is.`,
    '',
  ];
}

export function renderNpm(profile: Profile, choices: KitChoices): { files: GeneratedFile[]; diagnostics: Diagnostic[] } {
  const services = proxiedServices(profile, choices);
  // Nothing sits in front of NPM in the kit (cloudflared goes straight to its one public service): the TCP peer is the
  // client, so no X-Real-IP is trusted (the NPM builder's `direct` real-client-IP mode).
  const options = {
    ...toNpmOptions({ ...profile, services }),
    realIp: { mode: 'direct' as const, dockerNetwork: '', relays: [] },
  };
  const result = generateNpmSnippets(options);
  const portal = portalUrl(profile);
  const mark = `${PORTAL_MARK} ${portal} (cookie domain ${profile.domain})\n`;
  const files: GeneratedFile[] = result.files
    .filter((f) => f.name !== CHECKLIST_FILE)
    .map((f) => ({ ...f, name: `${NPM_DIR}${f.name}`, content: mark + f.content }));
  const builderChecklist = result.files.find((f) => f.name === CHECKLIST_FILE)?.content ?? '';
  const lines = [
    '# Nginx Proxy Manager: the proxy hosts of this kit',
    '',
    `Portal: ${portal}`,
    '',
    `Create one proxy host per section in NPM's admin UI (http://${profile.serverIp}:81). Every forward address is reachable from NPM's container: a LAN address, or a container name on the kit network.`,
    '',
    ...hostSection(
      `${PORTAL_SUBDOMAIN}.${profile.domain}`,
      { scheme: 'http', host: 'authelia', port: '9091' },
      'none (the login portal)',
      false,
      profile.domain,
    ),
    ...services.flatMap((service) => {
      const [host = '', port = ''] = service.upstream.split(':');
      return hostSection(
        hostOf(profile, service),
        { scheme: HTTPS_PORTS.has(port) ? 'https' : 'http', host, port },
        service.sensitive ? 'two_factor' : 'one_factor',
        service.websockets,
        profile.domain,
      );
    }),
    '# Tab notes from the NPM builder',
    '',
    ...builderChecklist
      .replace(/^# .*\n/, '')
      .replace(/^## /gm, '### ')
      .split('\n'),
  ];
  return {
    files: [...files, { name: KIT_FILES.npmChecklist, language: 'text', content: `${lines.join('\n').trimEnd()}\n` }],
    diagnostics: result.diagnostics,
  };
}
