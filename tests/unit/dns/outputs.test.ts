import { describe, expect, it } from 'vitest';
import { defaultInternalDnsOptions, generateInternalDns, type InternalDnsOptions } from '../../../src/lib/dns';

const files = (o: Partial<InternalDnsOptions>) => {
  const r = generateInternalDns({ ...defaultInternalDnsOptions, ...o });
  return Object.fromEntries(r.files.map((f) => [f.name, f]));
};
const content = (o: Partial<InternalDnsOptions>, name: string) => {
  const f = files(o)[name];
  if (!f) throw new Error(`no ${name}`);
  return f.content;
};
const lines = (text: string) => text.split('\n').filter((l) => l && !l.trimStart().startsWith('#'));

describe('file set per server', () => {
  it.each([
    ['dnsmasq', ['homelab-dnsmasq.conf']],
    ['unbound', ['homelab-unbound.conf']],
    ['pihole', ['pihole.toml', 'pihole-steps.md']],
    ['adguard', ['AdGuardHome.yaml', 'adguard-steps.md']],
    ['technitium', ['technitium-api.sh', 'technitium-steps.md']],
  ] as const)('%s', (server, names) => {
    expect(Object.keys(files({ server }))).toEqual([...names, 'router-and-tailnet.md', 'checks.sh']);
  });
});

describe('dnsmasq', () => {
  it('a wildcard for an internal subdomain: address=, local=, rebind exception, explicit upstreams', () => {
    expect(lines(content({}, 'homelab-dnsmasq.conf'))).toEqual([
      'address=/home.example.com/192.168.1.10',
      'local=/home.example.com/',
      'rebind-domain-ok=/home.example.com/',
      'no-resolv',
      'server=9.9.9.9',
      'server=149.112.112.112',
    ]);
  });
  it('no upstreams: no no-resolv and no server= lines', () => {
    const l = lines(content({ upstreams: '' }, 'homelab-dnsmasq.conf'));
    expect(l).not.toContain('no-resolv');
    expect(l.filter((x) => x.startsWith('server='))).toEqual([]);
  });
  it('the whole domain: no local= (it would cut off MX/TXT of the public domain); exceptions with server=/name/#', () => {
    const l = lines(content({ zone: '', publicNames: 'blog.example.com, headscale.example.com' }, 'homelab-dnsmasq.conf'));
    expect(l.slice(0, 4)).toEqual([
      'address=/example.com/192.168.1.10',
      'server=/blog.example.com/#',
      'server=/headscale.example.com/#',
      'rebind-domain-ok=/example.com/',
    ]);
    expect(l.some((x) => x.startsWith('local='))).toBe(false);
  });
  it('a public apex: only the names below it are internal (/*.domain/)', () => {
    const l = lines(content({ zone: '', publicNames: 'example.com' }, 'homelab-dnsmasq.conf'));
    expect(l[0]).toBe('address=/*.example.com/192.168.1.10');
    expect(l.some((x) => x.startsWith('server=/example.com/'))).toBe(false);
  });
  it('listed names: one address= and local= each, relative labels completed with the zone', () => {
    const l = lines(content({ internalNames: 'jellyfin, Auth.home.example.com.\n*.media' }, 'homelab-dnsmasq.conf'));
    expect(l.slice(0, 6)).toEqual([
      'address=/jellyfin.home.example.com/192.168.1.10',
      'local=/jellyfin.home.example.com/',
      'address=/auth.home.example.com/192.168.1.10',
      'local=/auth.home.example.com/',
      'address=/media.home.example.com/192.168.1.10',
      'local=/media.home.example.com/',
    ]);
  });
});

describe('unbound', () => {
  it('a redirect zone for the wildcard, a private-domain and a forward-zone', () => {
    const text = content({ server: 'unbound' }, 'homelab-unbound.conf');
    expect(lines(text)).toEqual([
      'server:',
      '  private-domain: "home.example.com"',
      '  local-zone: "home.example.com." redirect',
      '  local-data: "home.example.com. 300 IN A 192.168.1.10"',
      'forward-zone:',
      '  name: "."',
      '  forward-addr: 9.9.9.9',
      '  forward-addr: 149.112.112.112',
    ]);
  });
  it('static zones for listed names, transparent zones for public exceptions, no forward-zone without upstreams', () => {
    const l = lines(
      content(
        { server: 'unbound', zone: '', internalNames: 'nas, *.apps', publicNames: 'blog.apps.example.com', upstreams: '' },
        'homelab-unbound.conf',
      ),
    );
    expect(l).toContain('  local-zone: "nas.example.com." static');
    expect(l).toContain('  local-zone: "apps.example.com." redirect');
    expect(l).toContain('  local-zone: "blog.apps.example.com." transparent');
    expect(l.some((x) => x.startsWith('forward-zone'))).toBe(false);
  });
});

describe('pihole', () => {
  it('wildcard in misc.dnsmasq_lines, listed names in dns.hosts, upstreams in dns.upstreams', () => {
    const t = content(
      { server: 'pihole', internalNames: 'jellyfin, *.media', publicNames: 'blog.media.home.example.com' },
      'pihole.toml',
    );
    expect(t).toContain('[dns]\n  upstreams = [\n    "9.9.9.9",\n    "149.112.112.112",\n  ]');
    expect(t).toContain('hosts = [\n    "192.168.1.10 jellyfin.home.example.com",\n  ]');
    expect(t).toContain(
      '[misc]\n  dnsmasq_lines = [\n    "address=/media.home.example.com/192.168.1.10",\n    "local=/media.home.example.com/",\n    "server=/blog.media.home.example.com/#",',
    );
    const steps = content({ server: 'pihole', internalNames: 'jellyfin' }, 'pihole-steps.md');
    expect(steps).toContain('Local DNS Records');
    expect(steps).toContain('misc.dnsmasq_lines');
  });
});

describe('adguard', () => {
  it('rewrites under filtering:, the zone name separately, A/AAAA exceptions', () => {
    const y = content({ server: 'adguard', publicNames: 'status.home.example.com' }, 'AdGuardHome.yaml');
    expect(y).toContain(
      [
        'filtering:',
        '  rewrites:',
        "    - domain: '*.home.example.com'",
        '      answer: 192.168.1.10',
        '      enabled: true',
        "    - domain: 'home.example.com'",
        '      answer: 192.168.1.10',
        '      enabled: true',
        "    - domain: 'status.home.example.com'",
        '      answer: A',
        '      enabled: true',
        "    - domain: 'status.home.example.com'",
        '      answer: AAAA',
      ].join('\n'),
    );
    expect(y).toContain('dns:\n  upstream_dns:\n    - 9.9.9.9');
    expect(content({ server: 'adguard' }, 'adguard-steps.md')).toContain('Filters → DNS rewrites');
  });
});

describe('technitium', () => {
  it('a Primary zone for an internal subdomain; the token comes from the environment', () => {
    const s = content({ server: 'technitium' }, 'technitium-api.sh');
    expect(s).toContain(': "${TOKEN:?');
    expect(s).toContain('--data-urlencode "token=$TOKEN"');
    expect(s).toContain("api zones/create --data-urlencode 'zone=home.example.com' --data-urlencode 'type=Primary'");
    expect(s).toContain(
      "--data-urlencode 'domain=*.home.example.com' --data-urlencode 'type=A' --data-urlencode 'ipAddress=192.168.1.10'",
    );
    expect(s).not.toMatch(/token=[^$]/u);
  });
  it('a Conditional Forwarder zone (this-server) with FWD records when public names share the zone', () => {
    const s = content({ server: 'technitium', zone: '', publicNames: 'blog.example.com' }, 'technitium-api.sh');
    expect(s).toContain(
      "'type=Forwarder' --data-urlencode 'initializeForwarder=true' --data-urlencode 'protocol=Udp' --data-urlencode 'forwarder=this-server'",
    );
    expect(s).toContain("'domain=blog.example.com' --data-urlencode 'type=FWD'");
    expect(content({ server: 'technitium', zone: '' }, 'technitium-steps.md')).toContain('Conditional Forwarder Zone');
  });
});

describe('router-and-tailnet.md and checks.sh', () => {
  it('split DNS restricted to the zone, through the tailnet address when given', () => {
    const md = content({ tailnetIp: '100.100.1.2' }, 'router-and-tailnet.md');
    expect(md).toContain('enter `home.example.com`');
    expect(md).toContain('    split:\n      home.example.com:\n        - 100.100.1.2');
    expect(md).toContain("list rebind_domain 'home.example.com'");
    expect(md).toContain('DNS Rebind Protection');
    expect(md).toContain('use-application-dns.net');
    expect(content({}, 'router-and-tailnet.md')).toContain('        - 192.168.1.10');
  });
  it('checks every internal name, a random name under the wildcard and every public name', () => {
    const s = content({ publicNames: 'blog.example.com' }, 'checks.sh');
    expect(s).toContain('internal "home.example.com"');
    expect(s).toContain('internal "check-$RANDOM.home.example.com"');
    expect(s).toContain('public "blog.example.com"');
    expect(s).toContain('resolvectl query');
    expect(s).toContain('nslookup');
  });
});
