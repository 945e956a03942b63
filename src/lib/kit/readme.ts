/**
 * README.md: the runbook in build order, one section per step of the printable checklist (/checklist/, whose step
 * titles it reuses), saying which kit file to use where and what each check must show.
 */
import { CHECKLIST } from '../checklist';
import type { GeneratedFile } from '../core';
import { hostOf, portalUrl, type Profile } from '../profile/model';
import { DNS_CONSOLES, KIT_IMAGES } from './facts';
import { proxiedServices, snippetName } from './npm';
import { KIT_FILES, type KitChoices } from './types';

function stepBody(index: number, profile: Profile, choices: KitChoices, files: readonly GeneratedFile[]): string[] {
  const names = files.map((f) => f.name);
  const inDir = (dir: string) => names.filter((n) => n.startsWith(dir)).map((n) => `\`${n}\``);
  const ip = profile.serverIp;
  const firstHost = proxiedServices(profile, choices)[0];
  // Upstreams written as a container name (not an IPv4 address) must share NPM's network.
  const byName = [
    ...new Set(
      proxiedServices(profile, choices)
        .map((s) => s.upstream.split(':')[0]!)
        .filter((host) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(host)),
    ),
  ];
  switch (index) {
    case 0:
      return [
        '- Delete every port forward on the router and turn off UPnP.',
        `- On the server: follow \`tailscale/router.sh\`; on laptops and phones \`tailscale/client.sh\` (all Tailscale files: ${inDir('tailscale/').join(', ')}).`,
        profile.coordination === 'headscale'
          ? `- The devices log in to your Headscale server at ${profile.headscaleUrl}; approve the route as tailscale/headscale.sh shows.`
          : '- Approve the advertised route in the Tailscale admin console.',
        `- Check: from a phone on mobile data with Tailscale on, \`ping ${ip}\` answers; a port scan of your public IP finds every TCP port closed.`,
      ];
    case 1:
      return [
        `- Copy your public key to the server (\`ssh-copy-id ${profile.users[0]?.username ?? 'you'}@${ip}\`), then install \`${KIT_FILES.sshDropIn}\` as /etc/ssh/sshd_config.d/00-homelab.conf; ssh/procedure.sh has the exact steps.`,
        '- Check: `sudo sshd -t` prints nothing; a second terminal still logs in with the key; `ssh -o PubkeyAuthentication=no` is refused.',
      ];
    case 2:
      return [
        '- Copy this folder to the server (e.g. ~/homelab/frontdoor), then run `sh create-secrets.sh` and `docker compose up -d npm` (Authelia follows in step 5).',
        `- Check: \`docker ps --format '{{.Names}}  {{.Ports}}'\` shows \`${ip}:81->81/tcp\` for npm, never \`0.0.0.0:81\`.`,
        ...byName.map(
          (name) =>
            `- ${name} is reached by container name: add it to the \`frontdoor\` network in its own compose file (\`networks: [frontdoor]\`, and \`frontdoor: {external: true}\` under the top-level \`networks:\`).`,
        ),
        `- In NPM's admin UI (http://${ip}:81) create the wildcard certificate and the proxy hosts exactly as \`${KIT_FILES.npmChecklist}\` lists them, pasting each \`npm/<host>.advanced.conf\`.`,
        choices.dns === 'none'
          ? `- Internal DNS: point every proxy host name at ${ip} in your own DNS server.`
          : `- Internal DNS (${choices.dns}): ${choices.dns in DNS_CONSOLES ? `\`docker compose up -d ${choices.dns}\`, then its console at http://${ip}:${DNS_CONSOLES[choices.dns as keyof typeof DNS_CONSOLES].host}; ` : 'on the server itself; '}${inDir('dns/').join(', ')}; then point the router's DHCP DNS at ${ip}.`,
        firstHost
          ? `- Check: \`sh dns/checks.sh\` passes; \`dig +short ${hostOf(profile, firstHost)}\` answers ${ip}.`
          : `- Check: \`dig +short auth.${profile.domain}\` answers ${ip}.`,
      ];
    case 3:
      return [
        '- `.env` and `secrets/` stay on the server (chmod 600 / 700) and out of git (`.gitignore`).',
        '- Back up this folder (with secrets/ and .env) and test a restore.',
        '- Update images by changing their pinned tags in compose.yaml, reading the release notes first.',
      ];
    default:
      return [
        `- Authelia's files are in authelia/; set each user's password in the kit page (argon2id in your browser) or with \`docker run --rm ${KIT_IMAGES.authelia} authelia crypto hash generate argon2\`.`,
        '- Start the rest: `docker compose up -d` (Authelia, and what else the kit runs).',
        `- Check: \`docker compose logs authelia\` shows no error; ${portalUrl(profile)} shows the login page; in a private window ${firstHost ? `https://${hostOf(profile, firstHost)}` : 'a protected host'} redirects to the portal.`,
        ...(choices.tunnel.enabled
          ? [
              `- Tunnel: in the Cloudflare dashboard, publish ${choices.tunnel.service} (service URL http://${profile.services.find((s) => s.name === choices.tunnel.service)?.upstream ?? ''}), paste the token into .env as TUNNEL_TOKEN, then \`docker compose up -d cloudflared\`; its logs must show "Registered tunnel connection".`,
            ]
          : []),
      ];
  }
}

export function renderReadme(profile: Profile, choices: KitChoices, files: readonly GeneratedFile[]): GeneratedFile {
  const lines = [
    `# Front door for ${profile.domain}`,
    '',
    'Every file for the four layers, cross-checked against each other. Follow the steps in order (the same order as the',
    'printable checklist on the site). Nothing here holds a secret unless you chose to make secrets in the page.',
    '',
    '## Files',
    '',
    ...files.map((f) => `- \`${f.name}\``),
    `- \`${KIT_FILES.readme}\` (this file)`,
    '',
    ...CHECKLIST.flatMap((step, index) => [`## ${step.title}`, '', ...stepBody(index, profile, choices, files), '']),
    `Snippets: ${
      proxiedServices(profile, choices)
        .map((s) => `\`${snippetName(hostOf(profile, s))}\``)
        .join(', ') || 'the portal only'
    }.`,
  ];
  return { name: KIT_FILES.readme, language: 'text', content: `${lines.join('\n')}\n` };
}
