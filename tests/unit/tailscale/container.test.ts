import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { interpolate, parseDotenv } from '../../../src/lib/compose';
import type { GeneratedFile } from '../../../src/lib/core';
import { decodeShare, encodeShare } from '../../../src/lib/core/share';
import {
  applicableFields,
  completeTailscaleOptions,
  defaultTailscaleOptions,
  generateTailscale,
  TAILSCALE_CHOICES,
  TAILSCALE_VERSION,
  type TailscaleOptions,
} from '../../../src/lib/tailscale';
import { composeSchemaErrors } from '../authelia/schema-validators';

const gen = (o: Partial<TailscaleOptions>) => generateTailscale({ ...defaultTailscaleOptions, ...o });
const file = (files: GeneratedFile[], name: string) => files.find((f) => f.name === name);
const names = (o: Partial<TailscaleOptions>) => gen(o).files.map((f) => f.name);

interface ComposeFile {
  services: Record<
    string,
    {
      image: string;
      network_mode?: string;
      devices?: string[];
      cap_add?: string[];
      volumes?: string[];
      environment: string[];
    }
  >;
  volumes?: Record<string, unknown>;
}

/** compose.yaml parsed, plus its environment as Compose would pass it, given this .env. */
function compose(o: Partial<TailscaleOptions>, dotenv = 'TS_AUTHKEY=tskey-auth-test\n') {
  const r = gen({ platform: 'docker', ...o });
  const text = file(r.files, 'compose.yaml')?.content ?? '';
  const doc = parse(text) as ComposeFile;
  const service = doc.services.tailscale!;
  const env = Object.fromEntries(
    service.environment.map((e) => {
      const [k = '', ...v] = interpolate(e, parseDotenv(dotenv)).split('=');
      return [k, v.join('=')];
    }),
  );
  return { r, text, doc, service, env };
}

/** The flags `tailscale up` accepts that may reach TS_EXTRA_ARGS (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/up.go newUpFlagSet); hostname and routes have variables. */
const EXTRA_ARG_FLAGS = ['login-server', 'advertise-tags', 'advertise-exit-node', 'snat-subnet-routes'];

describe('platform option: old links and stored state keep working', () => {
  it('defaults to host, and a missing or unknown value falls back to it', () => {
    expect(defaultTailscaleOptions.platform).toBe('host');
    expect(completeTailscaleOptions({}).platform).toBe('host');
    expect(completeTailscaleOptions({ platform: 'podman' } as unknown as Partial<TailscaleOptions>).platform).toBe('host');
    expect(TAILSCALE_CHOICES.platform).toEqual(['host', 'docker', 'lxc']);
  });

  it('restores a share link made before the field existed, with output identical to the host platform', () => {
    const before = { ...defaultTailscaleOptions, role: 'both' as const, tags: 'tag:router' };
    // The state as stored before the platform field existed.
    const old: Partial<TailscaleOptions> = { ...before };
    delete old.platform;
    const schema = { version: 1, secretKeys: [] };
    const link = encodeShare(old as TailscaleOptions, defaultTailscaleOptions, schema);
    const back = decodeShare(link, defaultTailscaleOptions, schema);
    expect(back.ok && back.state.platform).toBe('host');
    expect(generateTailscale(old)).toEqual(generateTailscale(before));
  });

  it('leaves macOS, Windows and the client role unchanged whatever platform says', () => {
    for (const o of [{ os: 'macos' as const }, { os: 'windows' as const }, { role: 'client' as const }]) {
      for (const platform of ['docker', 'lxc'] as const) expect(gen({ ...o, platform })).toEqual(gen(o));
    }
  });

  it('shows the platform field only for Linux routers', () => {
    expect(applicableFields(defaultTailscaleOptions).has('platform')).toBe(true);
    expect(applicableFields({ ...defaultTailscaleOptions, os: 'windows' }).has('platform')).toBe(false);
    expect(applicableFields({ ...defaultTailscaleOptions, role: 'client' }).has('platform')).toBe(false);
    expect(applicableFields({ ...defaultTailscaleOptions, role: 'client' }).has('acceptRoutes')).toBe(true);
    expect(applicableFields(defaultTailscaleOptions).has('loginServer')).toBe(false);
    expect(applicableFields({ ...defaultTailscaleOptions, coordination: 'headscale' }).has('loginServer')).toBe(true);
  });
});

describe('Docker platform', () => {
  it('writes the host steps, compose.yaml, .env.example and the host sysctl file', () => {
    expect(names({ platform: 'docker' })).toEqual([
      'router.sh',
      'compose.yaml',
      '.env.example',
      '99-tailscale.conf',
      'udp-gro.sh',
      'client.sh',
      'approve.txt',
    ]);
  });

  it('is a valid Compose file (compose-spec schema) for every role, coordination, approval and flag mix', () => {
    let checked = 0;
    for (const role of ['subnet-router', 'exit-node', 'both'] as const)
      for (const coordination of TAILSCALE_CHOICES.coordination)
        for (const approval of TAILSCALE_CHOICES.approval)
          for (const [ipv6, snatSubnetRoutes, ssh, hostname] of [
            [true, true, false, 'home-router'],
            [false, false, true, ''],
          ] as const) {
            const { doc, service } = compose({
              role,
              coordination,
              approval,
              ipv6,
              snatSubnetRoutes,
              ssh,
              hostname,
              tags: 'tag:router',
              loginServer: 'https://hs.homelab.net',
            });
            expect(composeSchemaErrors(doc)).toEqual([]);
            const keys = service.environment.map((e) => e.split('=')[0]);
            expect(new Set(keys).size).toBe(keys.length);
            checked++;
          }
    expect(checked).toBe(3 * 2 * 2 * 2);
  });

  it('pins the image to the release the builder targets, in kernel mode on the host network with the TUN device', () => {
    const { service, doc } = compose({});
    expect(service.image).toBe(`tailscale/tailscale:v${TAILSCALE_VERSION}`);
    expect(service.image).toMatch(/^tailscale\/tailscale:v\d+\.\d+\.\d+$/);
    expect(service.network_mode).toBe('host');
    expect(service.devices).toEqual(['/dev/net/tun:/dev/net/tun']);
    expect(service.cap_add).toEqual(['NET_ADMIN']);
    expect(service.volumes).toEqual(['tailscale-state:/var/lib/tailscale']);
    expect(Object.keys(doc.volumes ?? {})).toEqual(['tailscale-state']);
  });

  it('passes the router settings in containerboot’s variables', () => {
    const { env } = compose({ routes: '192.168.1.0/24,10.20.0.0/24' });
    expect(env).toEqual({
      TS_AUTHKEY: 'tskey-auth-test',
      TS_STATE_DIR: '/var/lib/tailscale',
      TS_AUTH_ONCE: 'true',
      TS_USERSPACE: 'false',
      TS_HOSTNAME: 'home-router',
      TS_ROUTES: '10.20.0.0/24,192.168.1.0/24',
    });
  });

  it('puts tags, the login server, the exit node and SNAT in TS_EXTRA_ARGS as flags tailscale up accepts', () => {
    const { env } = compose({
      role: 'both',
      tags: 'tag:router',
      coordination: 'headscale',
      loginServer: 'https://hs.homelab.net',
      snatSubnetRoutes: false,
    });
    expect(env.TS_EXTRA_ARGS).toBe(
      '--login-server=https://hs.homelab.net --advertise-tags=tag:router --advertise-exit-node --snat-subnet-routes=false',
    );
    for (const flag of env.TS_EXTRA_ARGS!.split(' ')) {
      expect(EXTRA_ARG_FLAGS).toContain(/^--([a-z-]+)/.exec(flag)?.[1]);
    }
    expect(compose({}).env.TS_EXTRA_ARGS).toBeUndefined();
  });

  it('never inlines the auth key: compose.yaml reads it from .env, and .env.example leaves it empty', () => {
    const { text, r } = compose({});
    expect(text).toContain("- 'TS_AUTHKEY=${TS_AUTHKEY}'\n");
    expect(text).not.toMatch(/tskey-/);
    const example = file(r.files, '.env.example');
    expect(example?.language).toBe('dotenv');
    expect(parseDotenv(example?.content ?? '')).toEqual({ TS_AUTHKEY: '' });
    // With the key in .env, Compose hands it to the container unchanged.
    expect(compose({}, 'TS_AUTHKEY=tskey-auth-k123\n').env.TS_AUTHKEY).toBe('tskey-auth-k123');
  });

  it('escapes a dollar sign in user text so Compose does not interpolate it', () => {
    const { env } = compose({ coordination: 'headscale', loginServer: 'https://hs.homelab.net/$x' });
    expect(env.TS_EXTRA_ARGS).toBe('--login-server=https://hs.homelab.net/$x');
  });

  it('leaves --ssh out in a container and says why', () => {
    const r = gen({ platform: 'docker', ssh: true });
    expect(r.files.map((f) => f.content).join('\n')).not.toContain('--ssh');
    expect(r.diagnostics.find((d) => d.code === 'ssh-in-container')?.path).toBe('ssh');
  });

  it('sets forwarding on the host before starting the container, and says the host sysctls are the ones that count', () => {
    const r = gen({ platform: 'docker', role: 'both' });
    const sh = file(r.files, 'router.sh')?.content ?? '';
    expect(sh.indexOf('sudo sysctl -p /etc/sysctl.d/99-tailscale.conf')).toBeLessThan(sh.indexOf('docker compose up -d'));
    expect(sh).toContain('\nsysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding\n');
    expect(sh).toContain('docker compose exec tailscale tailscale debug prefs');
    expect(sh).not.toMatch(/^(sudo )?tailscale /m);
    expect(file(r.files, '99-tailscale.conf')?.content).toContain('on the Docker host');
    expect(file(r.files, 'compose.yaml')?.content).toContain("the host's IP forwarding settings");
  });
});

describe('Proxmox LXC platform', () => {
  it('adds the host-side TUN passthrough and runs the Linux router script inside the container', () => {
    expect(names({ platform: 'lxc' })).toEqual([
      'lxc-host.sh',
      'router.sh',
      '99-tailscale.conf',
      'udp-gro.sh',
      'client.sh',
      'approve.txt',
    ]);
    const host = file(gen({ platform: 'lxc' }).files, 'lxc-host.sh')?.content ?? '';
    expect(host).toContain('CONF="/etc/pve/lxc/${CTID}.conf"');
    expect(host).toContain(
      `grep -qxF 'lxc.cgroup2.devices.allow: c 10:200 rwm' "$CONF" || echo 'lxc.cgroup2.devices.allow: c 10:200 rwm' >>"$CONF"`,
    );
    expect(host).toContain(
      'grep -qxF \'lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\' "$CONF" ||' +
        ' echo \'lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\' >>"$CONF"',
    );
    expect(host).toContain('pct reboot "$CTID"');
  });

  it('differs from the plain Linux router script only by the note that it runs in the container', () => {
    for (const role of ['subnet-router', 'both'] as const) {
      const plain = (file(gen({ role }).files, 'router.sh')?.content ?? '').split('\n');
      const lxc = (file(gen({ role, platform: 'lxc' }).files, 'router.sh')?.content ?? '').split('\n');
      expect(lxc.filter((l) => !plain.includes(l))).toEqual([
        '# Run inside the LXC container, after lxc-host.sh on the Proxmox host.',
      ]);
      expect(lxc.length).toBe(plain.length + 1);
    }
    expect(file(gen({ platform: 'lxc' }).files, '99-tailscale.conf')?.content).toContain('inside the LXC container');
  });
});
