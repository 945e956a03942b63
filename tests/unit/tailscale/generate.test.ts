import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../src/lib/core';
import {
  defaultTailscaleOptions,
  generateTailscale,
  tailscaleCommands,
  TAILSCALE_CHOICES,
  type TailscaleOptions,
} from '../../../src/lib/tailscale';
import { parseHuJson } from './hujson';

/**
 * The CLI's flag facts (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/up.go and set.go), written out here independently of the library:
 * which subcommand accepts each flag and on which OS it may be emitted.
 */
const SHEET_FLAGS: Record<string, { up: boolean; set: boolean; os: string[] | 'all' }> = {
  'advertise-routes': { up: true, set: true, os: 'all' },
  'advertise-exit-node': { up: true, set: true, os: 'all' },
  'accept-routes': { up: true, set: true, os: 'all' },
  'snat-subnet-routes': { up: true, set: true, os: ['linux'] },
  'stateful-filtering': { up: true, set: true, os: ['linux'] },
  'netfilter-mode': { up: true, set: true, os: ['linux'] },
  // Server side on linux, darwin (open-source tailscaled only), freebsd, openbsd; the builder's macOS is the app.
  ssh: { up: true, set: true, os: ['linux'] },
  hostname: { up: true, set: true, os: 'all' },
  'advertise-tags': { up: true, set: false, os: 'all' },
  'exit-node': { up: true, set: true, os: 'all' },
  'exit-node-allow-lan-access': { up: true, set: true, os: 'all' },
  reset: { up: true, set: false, os: 'all' },
  'login-server': { up: true, set: false, os: 'all' },
  operator: { up: true, set: true, os: ['linux', 'macos'] },
  unattended: { up: true, set: true, os: ['windows'] },
};
const BOOLEAN_FLAGS = [
  'advertise-exit-node',
  'accept-routes',
  'snat-subnet-routes',
  'ssh',
  'exit-node-allow-lan-access',
  'unattended',
];
/** `--accept-routes` default true (sheet: DefaultRouteAll) — emitting it there is not a non-default flag. */
const ACCEPTS_ROUTES_BY_DEFAULT = ['windows', 'macos', 'ios', 'android'];

function* optionMatrix(): Generator<TailscaleOptions> {
  for (const role of TAILSCALE_CHOICES.role)
    for (const os of TAILSCALE_CHOICES.os)
      for (const clientOs of TAILSCALE_CHOICES.clientOs)
        for (const coordination of TAILSCALE_CHOICES.coordination)
          for (const [ssh, snatSubnetRoutes, tags] of [
            [false, true, ''],
            [true, false, 'tag:router,tag:lan'],
          ] as const) {
            yield {
              ...defaultTailscaleOptions,
              role,
              os,
              clientOs,
              coordination,
              ssh,
              snatSubnetRoutes,
              tags,
              routes: '192.168.1.0/24,fd00:1::/64',
              loginServer: 'https://hs.homelab.net',
              useExitNode: true,
            };
          }
}

function flagsOf(argv: string[]): { name: string; value?: string }[] {
  return argv.slice(2).map((a) => {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m?.[1]) throw new Error(`not a flag: ${a}`);
    return m[2] === undefined ? { name: m[1] } : { name: m[1], value: m[2] };
  });
}

function checkCommand(argv: string[], os: string): void {
  const sub = argv[1];
  expect(argv[0]).toBe('tailscale');
  expect(['up', 'set']).toContain(sub);
  for (const flag of flagsOf(argv)) {
    const fact = SHEET_FLAGS[flag.name];
    expect(fact, `--${flag.name} is a known flag`).toBeDefined();
    expect(sub === 'up' ? fact?.up : fact?.set, `--${flag.name} exists for tailscale ${sub}`).toBe(true);
    if (fact && fact.os !== 'all') expect(fact.os, `--${flag.name} on ${os}`).toContain(os);
    if (BOOLEAN_FLAGS.includes(flag.name)) expect([undefined, 'false']).toContain(flag.value);
    if (flag.name === 'advertise-tags')
      for (const t of flag.value?.split(',') ?? []) expect(t).toMatch(/^tag:[A-Za-z][A-Za-z0-9-]*$/);
    if (flag.name === 'accept-routes') expect(ACCEPTS_ROUTES_BY_DEFAULT).not.toContain(os);
  }
}

const file = (files: GeneratedFile[], name: string) => files.find((f) => f.name === name);
const gen = (o: Partial<TailscaleOptions>) => generateTailscale({ ...defaultTailscaleOptions, ...o });

describe('generated commands against the CLI’s flag facts', () => {
  it('emits only flags that exist for the subcommand and the OS, booleans as --flag or --flag=false', () => {
    let checked = 0;
    for (const o of optionMatrix()) {
      const cmds = tailscaleCommands(o);
      for (const argv of [cmds.router?.login, cmds.router?.set, cmds.router?.up]) if (argv) checkCommand(argv, o.os);
      for (const argv of [
        cmds.client.login,
        cmds.client.acceptRoutes,
        cmds.client.useExitNode,
        cmds.client.stopExitNode,
        cmds.client.up,
      ]) {
        if (argv) checkCommand(argv, o.clientOs);
      }
      checked++;
    }
    expect(checked).toBe(4 * 3 * 5 * 2 * 2);
  });

  it('puts every non-default flag of the login and set commands into the one-line up form', () => {
    for (const o of optionMatrix()) {
      const r = tailscaleCommands(o).router;
      if (!r) continue;
      const expected = [...r.login.slice(2), ...(r.set?.slice(2) ?? [])].sort();
      expect([...r.up.slice(2)].sort()).toEqual(expected);
    }
  });

  it('never passes a boolean as a separate argument in any generated file', () => {
    for (const o of optionMatrix()) {
      for (const f of generateTailscale(o).files) expect(f.content).not.toMatch(/--[a-z-]+ (true|false)\b/);
    }
  });

  it('uses tailscale set for routing flags and tailscale up only for tags and the login server', () => {
    const r = tailscaleCommands({
      role: 'both',
      tags: 'tag:router',
      coordination: 'headscale',
      loginServer: 'https://hs.homelab.net',
    }).router;
    expect(r?.login).toEqual(['tailscale', 'up', '--login-server=https://hs.homelab.net', '--advertise-tags=tag:router']);
    expect(r?.set).toEqual([
      'tailscale',
      'set',
      '--hostname=home-router',
      '--advertise-routes=192.168.1.0/24',
      '--advertise-exit-node',
    ]);
  });

  it('turns 0.0.0.0/0,::/0 into --advertise-exit-node', () => {
    const r = tailscaleCommands({ role: 'subnet-router', routes: '0.0.0.0/0,::/0,192.168.50.0/24' }).router;
    expect(r?.set).toContain('--advertise-exit-node');
    expect(r?.set).toContain('--advertise-routes=192.168.50.0/24');
  });

  it('leaves out flags the OS lacks and says so', () => {
    const win = gen({ os: 'windows', ssh: true, snatSubnetRoutes: false, firewall: 'firewalld' });
    expect(tailscaleCommands({ os: 'windows', ssh: true, snatSubnetRoutes: false }).router?.up).toEqual([
      'tailscale',
      'up',
      '--hostname=home-router',
      '--advertise-routes=192.168.1.0/24',
      '--unattended',
    ]);
    expect(win.diagnostics.find((d) => d.path === 'ssh')?.message).toContain(
      'The Tailscale SSH server is not supported on windows',
    );
    expect(win.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['flag-unsupported-os', 'firewall-ignored']));
    expect(file(win.files, 'router.ps1')?.content).not.toContain('firewall-cmd');
  });

  it('quotes comma lists for PowerShell and leaves them bare for sh', () => {
    const routes = '192.168.1.0/24,192.168.50.0/24';
    expect(file(gen({ os: 'windows', routes }).files, 'router.ps1')?.content).toContain(`'--advertise-routes=${routes}'`);
    expect(file(gen({ routes }).files, 'router.sh')?.content).toContain(
      `sudo tailscale set --hostname=home-router --advertise-routes=${routes}\n`,
    );
  });
});

describe('router files', () => {
  it('writes the install step, the recommended set form, and the up form with the reset note', () => {
    const sh = file(gen({}).files, 'router.sh')?.content ?? '';
    expect(sh).toContain('curl -fsSL https://tailscale.com/install.sh | sh');
    expect(sh).toContain('sudo tailscale up\nsudo tailscale set --hostname=home-router --advertise-routes=192.168.1.0/24\n');
    expect(sh).toContain('# sudo tailscale up --hostname=home-router --advertise-routes=192.168.1.0/24\n');
    expect(sh).toContain("changing settings via 'tailscale up' requires mentioning all non-default flags");
    expect(sh).toContain('--reset');
  });

  it('writes the snat warning with the CLI text when SNAT is off on an exit node', () => {
    const d = gen({ role: 'both', snatSubnetRoutes: false }).diagnostics.find((x) => x.code === 'snat-off');
    expect(d?.message).toContain(
      '--snat-subnet-routes=false is set with --advertise-exit-node; internet traffic through this exit node may not work as expected',
    );
  });
});

describe('Linux prerequisites', () => {
  const sysctl = (o: Partial<TailscaleOptions>) =>
    (file(gen(o).files, '99-tailscale.conf')?.content ?? '').split('\n').filter((l) => l && !l.startsWith('#'));

  it('enables IPv4 forwarding for an IPv4 subnet router', () => {
    expect(sysctl({})).toEqual(['net.ipv4.ip_forward = 1']);
  });

  it('adds IPv6 forwarding for IPv6 routes and for an exit node', () => {
    expect(sysctl({ routes: '192.168.1.0/24,fd00:1::/64' })).toEqual([
      'net.ipv4.ip_forward = 1',
      'net.ipv6.conf.all.forwarding = 1',
    ]);
    expect(sysctl({ role: 'exit-node' })).toEqual(['net.ipv4.ip_forward = 1', 'net.ipv6.conf.all.forwarding = 1']);
    expect(sysctl({ role: 'both' })).toEqual(['net.ipv4.ip_forward = 1', 'net.ipv6.conf.all.forwarding = 1']);
  });

  it('leaves the IPv6 key out when IPv6 is off in the kernel, and warns about IPv6 routes', () => {
    expect(sysctl({ role: 'exit-node', ipv6: false })).toEqual(['net.ipv4.ip_forward = 1']);
    expect(gen({ routes: 'fd00:1::/64', ipv6: false }).diagnostics.map((d) => d.code)).toContain('ipv6-disabled');
  });

  it('names the file 99-tailscale.conf in /etc/sysctl.d and applies it in router.sh', () => {
    const r = gen({ role: 'both' });
    expect(file(r.files, '99-tailscale.conf')?.language).toBe('ini');
    const sh = file(r.files, 'router.sh')?.content ?? '';
    expect(sh).toContain(
      "printf '%s\\n' 'net.ipv4.ip_forward = 1' 'net.ipv6.conf.all.forwarding = 1' | sudo tee /etc/sysctl.d/99-tailscale.conf >/dev/null",
    );
    expect(sh).toContain('sudo sysctl -p /etc/sysctl.d/99-tailscale.conf');
    expect(sh).toContain('sudo sysctl -p /etc/sysctl.conf');
  });

  it('writes no sysctl file for Windows or macOS routers', () => {
    expect(file(gen({ os: 'windows' }).files, '99-tailscale.conf')).toBeUndefined();
    expect(file(gen({ os: 'macos' }).files, '99-tailscale.conf')).toBeUndefined();
  });

  it('adds firewalld masquerading only when firewalld is chosen', () => {
    const fw = file(gen({ firewall: 'firewalld' }).files, 'router.sh')?.content ?? '';
    expect(fw).toContain('sudo firewall-cmd --permanent --add-masquerade\nsudo firewall-cmd --reload\n');
    expect(file(gen({}).files, 'router.sh')?.content).not.toContain('firewall-cmd');
  });

  it('opens tailscale0 and 41641/udp for ufw', () => {
    const ufw = file(gen({ firewall: 'ufw' }).files, 'router.sh')?.content ?? '';
    expect(ufw).toContain('sudo ufw allow in on tailscale0\nsudo ufw allow 41641/udp\n');
  });

  it('offers the UDP GRO tip with the ethtool command Tailscale’s docs give', () => {
    const gro = file(gen({}).files, 'udp-gro.sh')?.content ?? '';
    expect(gro).toContain('NETDEV=$(ip -o route get 8.8.8.8 | cut -f 5 -d " ")');
    expect(gro).toContain('sudo ethtool -K "$NETDEV" rx-udp-gro-forwarding on rx-gro-list off');
    expect(gro).toContain('/etc/networkd-dispatcher/routable.d/50-tailscale');
    expect(file(gen({ udpGro: false }).files, 'udp-gro.sh')).toBeUndefined();
  });
});

describe('client commands', () => {
  it('has Linux clients opt in with --accept-routes', () => {
    const sh = file(gen({}).files, 'client.sh')?.content ?? '';
    expect(sh).toContain('sudo tailscale set --accept-routes\n');
  });

  it('does not emit --accept-routes where the OS accepts routes by default', () => {
    for (const clientOs of ['windows', 'macos', 'ios', 'android'] as const) {
      const f = gen({ clientOs }).files.find((x) => x.name.startsWith('client.'));
      expect(f?.content).not.toContain('--accept-routes');
      expect(f?.content).toMatch(/by default/);
    }
  });

  it('uses the exit node with LAN access, and shows how to stop', () => {
    const sh = file(gen({ role: 'both' }).files, 'client.sh')?.content ?? '';
    expect(sh).toContain('sudo tailscale set --exit-node=home-router --exit-node-allow-lan-access\n');
    expect(sh).toContain('sudo tailscale set --exit-node=\n');
    const noLan = file(gen({ role: 'both', exitNodeAllowLanAccess: false }).files, 'client.sh')?.content ?? '';
    expect(noLan).not.toContain('--exit-node-allow-lan-access');
  });

  it('writes only the client file for the client role, with the chosen exit node', () => {
    const r = gen({ role: 'client', useExitNode: true, exitNode: 'auto:any', acceptRoutes: false });
    expect(r.files.map((f) => f.name)).toEqual(['client.sh']);
    expect(r.files[0]?.content).toContain('sudo tailscale set --exit-node=auto:any --exit-node-allow-lan-access');
    expect(r.files[0]?.content).not.toContain('--accept-routes');
  });

  it('asks for a name when the exit node cannot be named', () => {
    const r = gen({ role: 'exit-node', hostname: '' });
    expect(r.diagnostics.find((d) => d.code === 'exit-node-name-missing')?.path).toBe('exitNode');
  });

  it('writes app steps for phones', () => {
    const f = file(gen({ role: 'both', clientOs: 'ios' }).files, 'client.txt');
    expect(f?.language).toBe('text');
    expect(f?.content).toContain('home-router');
  });
});

describe('approval', () => {
  it('writes the admin-console steps by default', () => {
    const txt = file(gen({ role: 'both' }).files, 'approve.txt')?.content ?? '';
    expect(txt).toContain('Edit route settings');
    expect(txt).toContain('Tick 192.168.1.0/24 and "Use as exit node"');
    expect(file(gen({}).files, 'policy.hujson')).toBeUndefined();
  });

  const policyOf = (o: Partial<TailscaleOptions>) => {
    const f = file(gen(o).files, 'policy.hujson');
    expect(f?.language).toBe('jsonc');
    return parseHuJson(f?.content ?? '') as {
      tagOwners: Record<string, string[]>;
      autoApprovers?: { routes?: Record<string, string[]>; exitNode?: string[] };
      grants?: { src: string[]; dst: string[]; ip: string[] }[];
    };
  };

  it('writes a policy fragment that parses as HuJSON, with tagOwners and autoApprovers', () => {
    const p = policyOf({ role: 'both', approval: 'autoApprovers', tags: 'tag:router', routes: '192.168.1.0/24,fd00:1::/64' });
    expect(p.tagOwners).toEqual({ 'tag:router': ['autogroup:admin'] });
    expect(p.autoApprovers).toEqual({
      routes: { '192.168.1.0/24': ['tag:router'], 'fd00:1::/64': ['tag:router'] },
      exitNode: ['tag:router'],
    });
    expect(p.grants?.map((g) => g.dst)).toEqual([['192.168.1.0/24', 'fd00:1::/64'], ['autogroup:internet']]);
  });

  it('uses only tags defined in tagOwners in autoApprovers, for every combination', () => {
    for (const role of ['subnet-router', 'exit-node', 'both'] as const) {
      for (const coordination of ['tailscale', 'headscale'] as const) {
        for (const tags of ['tag:router', 'tag:router,tag:lan', 'router', '']) {
          const p = policyOf({ role, coordination, tags, approval: 'autoApprovers' });
          const used = [...Object.values(p.autoApprovers?.routes ?? {}).flat(), ...(p.autoApprovers?.exitNode ?? [])];
          expect(used.length).toBeGreaterThan(0);
          for (const tag of used) expect(Object.keys(p.tagOwners)).toContain(tag);
        }
      }
    }
  });

  it('has no exitNode approver for a plain subnet router, and no routes for a plain exit node', () => {
    expect(policyOf({ approval: 'autoApprovers', tags: 'tag:router' }).autoApprovers?.exitNode).toBeUndefined();
    expect(policyOf({ role: 'exit-node', approval: 'autoApprovers', tags: 'tag:router' }).autoApprovers?.routes).toBeUndefined();
  });

  it('requires a tag for autoApprovers and offers tag:router', () => {
    const r = gen({ approval: 'autoApprovers', tags: '' });
    expect(r.diagnostics.find((d) => d.code === 'tags-required')).toMatchObject({
      severity: 'error',
      path: 'tags',
      fix: 'tag:router',
    });
    expect(tailscaleCommands({ approval: 'autoApprovers', tags: '' }).router?.login).toContain('--advertise-tags=tag:router');
  });

  it('lists tags in tagOwners even with console approval', () => {
    expect(policyOf({ tags: 'tag:router' }).tagOwners).toEqual({ 'tag:router': ['autogroup:admin'] });
  });
});

describe('Headscale', () => {
  const hs = (o: Partial<TailscaleOptions> = {}) =>
    gen({ coordination: 'headscale', loginServer: 'https://hs.homelab.net', ...o });

  it('logs router and clients in with --login-server', () => {
    const r = hs({ role: 'both' });
    expect(file(r.files, 'router.sh')?.content).toContain('sudo tailscale up --login-server=https://hs.homelab.net\n');
    expect(file(r.files, 'client.sh')?.content).toContain('sudo tailscale up --login-server=https://hs.homelab.net\n');
    expect(file(r.files, 'approve.txt')).toBeUndefined();
  });

  it('never adds --login-server for Tailscale’s own coordination server', () => {
    for (const f of gen({ role: 'both' }).files) expect(f.content).not.toContain('--login-server');
  });

  it('approves with the 0.26+ nodes approve-routes form and notes the older routes enable form', () => {
    const sh = file(hs({ role: 'both' }).files, 'headscale.sh')?.content ?? '';
    expect(sh).toContain('headscale nodes approve-routes --identifier "$NODE_ID" --routes 192.168.1.0/24,0.0.0.0/0,::/0\n');
    expect(sh).toContain('headscale nodes list-routes');
    expect(sh).toContain('headscale routes enable -r <route-id>');
    expect(sh).toContain('headscale auth register --user homelab --auth-id <AUTH_ID>');
  });

  it('writes a Headscale policy: users with @, reload instead of the console', () => {
    const r = hs({ role: 'both', approval: 'autoApprovers', tags: 'tag:router' });
    const p = parseHuJson(file(r.files, 'policy.hujson')?.content ?? '') as { tagOwners: Record<string, string[]> };
    expect(p.tagOwners).toEqual({ 'tag:router': ['homelab@'] });
    const sh = file(r.files, 'headscale.sh')?.content ?? '';
    expect(sh).toContain('sudo systemctl reload headscale');
    expect(sh).toContain('headscale preauthkeys create --tags tag:router');
  });

  it('checks the login server URL', () => {
    // Empty is "not typed yet" (the field shows an HTML placeholder): a note, and the commands show the placeholder URL.
    const empty = hs({ loginServer: '' });
    expect(empty.diagnostics.find((d) => d.path === 'loginServer')).toMatchObject({
      severity: 'info',
      code: 'login-server-empty',
    });
    expect(empty.files.map((f) => f.content).join('\n')).toContain('--login-server=https://headscale.example.com');
    expect(hs({ loginServer: 'headscale.lan' }).diagnostics.find((d) => d.path === 'loginServer')?.code).toBe(
      'login-server-invalid',
    );
    expect(hs({ loginServer: 'http://hs.homelab.net' }).diagnostics.find((d) => d.path === 'loginServer')?.code).toBe(
      'login-server-http',
    );
    expect(hs({ loginServer: 'https://headscale.example.com' }).diagnostics.map((d) => d.code)).toContain('login-server-example');
    expect(hs().diagnostics.filter((d) => d.path === 'loginServer')).toEqual([]);
  });
});

describe('bad input', () => {
  it('keeps generating with route errors on the routes field', () => {
    const r = gen({ routes: '192.168.1.1/24, 10.0.0.0/8' });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['routes', 'routes']);
    expect(r.files.map((f) => f.name)).toContain('router.sh');
  });

  it('needs a route for a subnet router', () => {
    expect(gen({ routes: '' }).diagnostics.find((d) => d.code === 'routes-required')?.path).toBe('routes');
  });

  it('survives missing, mistyped and unknown option values', () => {
    const odd = { role: 'gateway', os: 42, routes: null, tags: ['x'] } as unknown as Partial<TailscaleOptions>;
    expect(() => generateTailscale(odd)).not.toThrow();
    expect(generateTailscale(odd).files.map((f) => f.name)).toContain('router.sh');
    expect(generateTailscale({}).files.length).toBeGreaterThan(0);
  });

  it('sorts errors before warnings', () => {
    const severities = gen({ routes: '192.168.1.0/24,10.0.0.1/8,203.0.113.0/24', tags: 'tag:' }).diagnostics.map(
      (d) => d.severity,
    );
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
  });
});
