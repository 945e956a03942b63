import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/lib/core';
import { parseAdvertiseRoutes } from '../../../src/lib/tailscale';

const codes = (value: string) => parseAdvertiseRoutes(value).diagnostics.map((d) => d.code);
const find = (value: string, code: string) => parseAdvertiseRoutes(value).diagnostics.find((d) => d.code === code);

describe('warnings beyond the CLI', () => {
  it('never turns an accepted value into an error', () => {
    for (const v of [
      '100.64.0.0/10',
      '10.0.0.0/8,10.1.0.0/16',
      '192.168.1.0/24',
      '8.8.8.0/24',
      'fe80::/64',
      'fd7a:115c:a1e0::/48',
    ]) {
      expect(hasErrors(parseAdvertiseRoutes(v).diagnostics)).toBe(false);
    }
  });

  describe("overlap with Tailscale's own ranges", () => {
    it('flags 100.64.0.0/10 itself, a range inside it, and a range that contains it', () => {
      expect(find('100.64.0.0/10', 'route-tailscale-range')?.message).toMatch(
        /^100\.64\.0\.0\/10 is the range Tailscale gives its own devices/,
      );
      expect(find('100.100.0.0/16', 'route-tailscale-range')?.message).toMatch(
        /^100\.100\.0\.0\/16 lies inside 100\.64\.0\.0\/10, the range Tailscale/,
      );
      expect(find('64.0.0.0/2', 'route-tailscale-range')?.message).toContain('includes 100.64.0.0/10');
    });

    it('flags fd7a:115c:a1e0::/48 and subnets of it', () => {
      expect(codes('fd7a:115c:a1e0::/48')).toContain('route-tailscale-range');
      expect(find('fd7a:115c:a1e0:ab12::/64', 'route-tailscale-range')?.message).toContain('fd7a:115c:a1e0::/48');
    });

    it('leaves 4via6 routes and the exit-node pair alone', () => {
      expect(codes('fd7a:115c:a1e0:b1a:0:7:c0a8:100/120')).not.toContain('route-tailscale-range');
      expect(codes('0.0.0.0/0,::/0')).not.toContain('route-tailscale-range');
    });
  });

  describe('routes overlapping each other', () => {
    it('names the inner and the outer route', () => {
      const d = find('10.0.0.0/8,10.1.0.0/16', 'route-overlap');
      expect(d?.severity).toBe('warning');
      expect(d?.message).toMatch(/^10\.1\.0\.0\/16 lies inside 10\.0\.0\.0\/8/);
    });

    it('reports each nested pair once, whatever the input order', () => {
      const list = parseAdvertiseRoutes('10.1.2.0/24,10.0.0.0/8,10.1.0.0/16').diagnostics.filter(
        (d) => d.code === 'route-overlap',
      );
      expect(list).toHaveLength(3);
    });

    it('does not treat the exit-node pair or disjoint routes as overlapping', () => {
      expect(codes('0.0.0.0/0,::/0,192.168.50.0/24')).not.toContain('route-overlap');
      expect(codes('192.168.50.0/24,192.168.51.0/24')).not.toContain('route-overlap');
    });
  });

  describe('common home ranges', () => {
    for (const range of ['192.168.0.0/24', '192.168.1.0/24', '10.0.0.0/24']) {
      it(`notes ${range} (the guide's own kind of LAN: a note, not a warning) and offers 4via6 as the remedy`, () => {
        const d = find(range, 'route-common-home-range');
        expect(d?.severity).toBe('info');
        expect(d?.message).toMatch(/hotels and cafés/);
        expect(d?.message).toContain('4via6');
        expect(d?.message).toContain(`tailscale debug via 7 ${range}`);
      });
    }

    it('gives the exact via route `tailscale debug via 7` prints for 192.168.1.0/24', () => {
      expect(find('192.168.1.0/24', 'route-common-home-range')?.message).toContain('fd7a:115c:a1e0:b1a:0:7:c0a8:100/120');
    });

    it('also warns for a wider range that includes one, but not for a rarer LAN', () => {
      expect(find('192.168.0.0/16', 'route-common-home-range')?.message).toContain('includes 192.168.0.0/24');
      expect(parseAdvertiseRoutes('192.168.50.0/24').diagnostics).toEqual([]);
      expect(parseAdvertiseRoutes('10.73.18.0/24').diagnostics).toEqual([]);
    });
  });

  describe('public and special ranges', () => {
    it('warns when a "LAN" is public address space', () => {
      expect(find('8.8.8.0/24', 'route-public')?.severity).toBe('warning');
      expect(codes('172.32.0.0/16')).toContain('route-public');
      expect(codes('172.0.0.0/8')).toContain('route-public');
    });

    it('accepts every private range silently', () => {
      for (const v of ['172.16.5.0/24', '10.20.0.0/16', '192.168.77.0/24', 'fd00:1::/64']) {
        expect(parseAdvertiseRoutes(v).diagnostics).toEqual([]);
      }
    });

    it('names loopback, link-local and multicast ranges', () => {
      expect(find('127.0.0.0/8', 'route-special')?.message).toContain('loopback');
      expect(find('169.254.0.0/16', 'route-special')?.message).toContain('link-local');
      expect(find('fe80::/64', 'route-special')?.message).toContain('link-local');
      expect(find('239.0.0.0/8', 'route-special')?.message).toContain('multicast');
    });

    it('treats a global IPv6 prefix as information, not a warning', () => {
      expect(find('2001:db8:1::/64', 'route-ipv6-global')?.severity).toBe('info');
    });
  });

  it('points out that 0.0.0.0/0 plus ::/0 is --advertise-exit-node', () => {
    const d = find('0.0.0.0/0,::/0', 'route-exit-pair');
    expect(d?.severity).toBe('info');
    expect(d?.message).toContain('--advertise-exit-node');
  });
});
