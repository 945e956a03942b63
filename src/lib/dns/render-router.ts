/** `router-and-tailnet.md`: rebind-protection exceptions, DHCP, browsers' DNS over HTTPS, Tailscale/Headscale split DNS. */
import type { GeneratedFile } from '../core';
import { ROUTER_FACTS, SOURCES, TARGETS } from './facts';
import type { Plan } from './plan';

export function splitNameserver(plan: Plan): string {
  return plan.tailnetIp || plan.serverIp;
}

export function renderRouter(plan: Plan): GeneratedFile {
  const zone = plan.zone;
  const ns = splitNameserver(plan);
  const viaRoute = plan.tailnetIp
    ? `\`${ns}\` is the tailnet address you gave, so remote devices reach the DNS server without a subnet route (this assumes it runs on the proxy host, as in the guide). The names still answer \`${plan.serverIp}\`, so remote devices need the subnet route to the LAN to reach the proxy itself.`
    : `\`${ns}\` is a LAN address: remote devices reach it through your subnet router, so its route must be approved and the devices must accept routes. If the DNS server runs on another machine, use that machine's address instead.`;
  const L = [
    `# Router, DHCP and tailnet settings for ${zone}`,
    '',
    `Every device has to ask your DNS server for names in \`${zone}\`, and nothing on the way may drop its private answers (\`${plan.serverIp}\`).`,
    '',
    '## Hand out the DNS server by DHCP',
    '',
    "Give clients your DNS server's address (below: `<dns-server>`, the proxy's `" +
      plan.serverIp +
      '` if it runs there) instead of the router:',
    '',
    `- **FRITZ!Box**: ${ROUTER_FACTS.fritzDns} → enter \`<dns-server>\`.`,
    "- **OpenWrt**: `uci add_list dhcp.lan.dhcp_option='6,<dns-server>' && uci commit dhcp && service dnsmasq restart`.",
    '- Devices with IPv6 may also learn a DNS server from router advertisements; turn that off on the router or point it at your server too.',
    '',
    '## Allow private answers (DNS rebinding protection)',
    '',
    `If clients still ask the router, which forwards to your server, the router's rebinding protection drops answers with private addresses. Exempt \`${zone}\`:`,
    '',
    `- **FRITZ!Box**: ${ROUTER_FACTS.fritzRebind} → add \`${zone}\` on its own line.`,
    '- **OpenWrt** (dnsmasq `rebind_protection`), in `/etc/config/dhcp` under `config dnsmasq`:',
    '',
    '  ```text',
    `  list rebind_domain '${zone}'`,
    '  ```',
    '',
    `  or \`uci add_list dhcp.@dnsmasq[0].rebind_domain='${zone}' && uci commit dhcp && service dnsmasq restart\`.`,
    '',
    '## Browsers with DNS over HTTPS',
    '',
    `Browsers that use DNS over HTTPS send lookups to a public resolver and never see \`${zone}\`. Firefox turns it on by itself in some countries unless the network answers the canary domain \`${ROUTER_FACTS.dohCanary}\` with NXDOMAIN; in dnsmasq or Pi-hole add \`server=/${ROUTER_FACTS.dohCanary}/\` for that. Where DNS over HTTPS was switched on by hand (Firefox: Settings → Privacy & Security → DNS over HTTPS; Chrome: Settings → Privacy and security → Security → Use secure DNS), turn it off or add \`${zone}\` as an exception.`,
    '',
    '## Tailscale split DNS',
    '',
    'In the Tailscale admin console, open **DNS**, then **Nameservers → Add nameserver → Custom**:',
    '',
    `1. Nameserver: \`${ns}\`.`,
    `2. Turn on **Restrict to domain** (split DNS) and enter \`${zone}\` — only this domain, so public names never depend on your home server.`,
    '3. Save.',
    '',
    viaRoute,
    '',
    `## Headscale (${TARGETS.headscale})`,
    '',
    `The same split entry in Headscale's \`config.yaml\` (${SOURCES.headscaleSplit}); restart Headscale afterwards:`,
    '',
    '```yaml',
    'dns:',
    '  nameservers:',
    '    split:',
    `      ${zone}:`,
    `        - ${ns}`,
    '```',
  ];
  return { name: 'router-and-tailnet.md', language: 'markdown', content: `${L.join('\n')}\n` };
}
