import { describe, expect, it } from 'vitest';
import { defaultTailscaleOptions, generateTailscale, type TailscaleOptions } from '../../../src/lib/tailscale';

const gen = (o: Partial<TailscaleOptions>) => generateTailscale({ ...defaultTailscaleOptions, ...o });
const content = (o: Partial<TailscaleOptions>, name: string) => gen(o).files.find((f) => f.name === name)?.content ?? '';

/**
 * `tailscale set --advertise-routes=…` never prints the IP-forwarding warning (tailscale/tailscale#14760; in v1.102.3
 * set.go checks before it has computed the routes). The output must not promise that warning after `set`, and must
 * give a check that works instead.
 */
describe('IP forwarding check', () => {
  it('router.sh checks the keys it set with sysctl, right after applying them', () => {
    const v4 = content({}, 'router.sh');
    expect(v4).toContain('sudo sysctl -p /etc/sysctl.conf\nfi\n');
    expect(v4).toMatch(/\nsysctl net\.ipv4\.ip_forward\n/);
    const both = content({ role: 'both' }, 'router.sh');
    expect(both).toMatch(/\nsysctl net\.ipv4\.ip_forward net\.ipv6\.conf\.all\.forwarding\n/);
    // The check comes before the first tailscale command, so a failure is seen before advertising.
    expect(both.indexOf('sysctl net.ipv4.ip_forward net.ipv6')).toBeLessThan(both.indexOf('sudo tailscale up'));
  });

  it('does not check the IPv6 key when IPv6 is off in the kernel (the key would not exist)', () => {
    const sh = content({ role: 'exit-node', ipv6: false }, 'router.sh');
    expect(sh).toMatch(/\nsysctl net\.ipv4\.ip_forward\n/);
    expect(sh).not.toMatch(/\nsysctl [^\n]*ipv6/);
  });

  it('the sysctl file says which command warns and how to check, and no file promises a warning from set', () => {
    const conf = content({ role: 'both' }, '99-tailscale.conf');
    expect(conf).toContain('# Check with: sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding (each must print = 1).');
    expect(conf).toContain('`tailscale set` says nothing');
    for (const role of ['subnet-router', 'exit-node', 'both'] as const) {
      for (const f of gen({ role }).files) expect(f.content).not.toMatch(/Without it tailscale warns/);
    }
  });
});
