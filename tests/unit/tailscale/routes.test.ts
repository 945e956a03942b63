import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/lib/core';
import { parseAdvertiseRoutes, toViaRoute } from '../../../src/lib/tailscale';

/**
 * Every rule of CalcAdvertiseRoutes (https://github.com/tailscale/tailscale/blob/18f65b97798836f82cdf23f5b6aec16f1c5f08c3/net/netutil/routes.go#L40-L87) + netip.ParsePrefix. `routes` = what the CLI would advertise
 * (canonical, de-duplicated, sorted by length then address); `error` = the CLI's own message.
 */
type Case = { input: string; rule: string } & ({ routes: string[] } | { error: string });

const notValid = (s: string) => `${JSON.stringify(s)} is not a valid IP address or CIDR prefix`;

const CASES: Case[] = [
  // Accepted, canonical output, sorting and de-duplication (rule 7)
  { rule: 'empty value advertises nothing', input: '', routes: [] },
  { rule: 'one IPv4 LAN', input: '192.168.1.0/24', routes: ['192.168.1.0/24'] },
  { rule: 'help-text example', input: '10.0.0.0/8,192.168.0.0/24', routes: ['10.0.0.0/8', '192.168.0.0/24'] },
  { rule: 'sorted by prefix length first', input: '192.168.1.0/24,10.0.0.0/8', routes: ['10.0.0.0/8', '192.168.1.0/24'] },
  { rule: 'duplicates removed', input: '192.168.1.0/24,192.168.1.0/24', routes: ['192.168.1.0/24'] },
  {
    rule: 'same length sorted by address',
    input: '10.1.0.0/16,10.0.0.0/16,10.0.0.0/8',
    routes: ['10.0.0.0/8', '10.0.0.0/16', '10.1.0.0/16'],
  },
  { rule: 'IPv6 subnets are accepted', input: 'fd00:1::/64,192.168.1.0/24', routes: ['192.168.1.0/24', 'fd00:1::/64'] },
  { rule: 'IPv4 before IPv6 at the same length', input: '2001:db8::/32,10.0.0.0/32', routes: ['10.0.0.0/32', '2001:db8::/32'] },
  { rule: 'a /32 single host is accepted', input: '192.168.1.10/32', routes: ['192.168.1.10/32'] },
  { rule: 'both default routes together (exit node)', input: '0.0.0.0/0,::/0', routes: ['0.0.0.0/0', '::/0'] },
  {
    rule: 'default pair sorts first',
    input: '::/0,0.0.0.0/0,192.168.1.0/24',
    routes: ['0.0.0.0/0', '::/0', '192.168.1.0/24'],
  },
  { rule: 'duplicate default route', input: '0.0.0.0/0,::/0,0.0.0.0/0', routes: ['0.0.0.0/0', '::/0'] },
  { rule: 'upper-case IPv6 printed in lower case', input: 'FD00:AB::/32', routes: ['fd00:ab::/32'] },
  { rule: 'leading zeros inside IPv6 groups are fine', input: '2001:0db8:0000::/48', routes: ['2001:db8::/48'] },
  { rule: 'longest zero run compressed', input: '1:0:0:2::/64', routes: ['1:0:0:2::/64'] },
  { rule: 'first of two equal zero runs compressed', input: '1:0:0:2:0:0:3:0/128', routes: ['1::2:0:0:3:0/128'] },
  { rule: 'eight groups', input: '1:2:3:4:5:6:7:8/128', routes: ['1:2:3:4:5:6:7:8/128'] },
  { rule: 'embedded IPv4 in the last 32 bits', input: '1:2:3:4:5:6:1.2.3.4/128', routes: ['1:2:3:4:5:6:102:304/128'] },
  { rule: 'embedded IPv4 after ::', input: '::1.2.3.4/128', routes: ['::102:304/128'] },
  { rule: 'IPv4-mapped IPv6 keeps its dotted form', input: '::ffff:192.168.1.0/120', routes: ['::ffff:192.168.1.0/120'] },
  { rule: 'Tailscale CGNAT range is not rejected by the CLI', input: '100.64.0.0/10', routes: ['100.64.0.0/10'] },
  { rule: '10.0.0.0/7 has no host bits', input: '10.0.0.0/7', routes: ['10.0.0.0/7'] },
  {
    rule: '4via6 valid example (site 0xbb)',
    input: 'fd7a:115c:a1e0:b1a::bb:10.0.0.0/112',
    routes: ['fd7a:115c:a1e0:b1a:0:bb:a00:0/112'],
  },
  {
    rule: '4via6 valid example (site 0xaabb)',
    input: 'fd7a:115c:a1e0:b1a::aabb:10.0.0.0/112',
    routes: ['fd7a:115c:a1e0:b1a:0:aabb:a00:0/112'],
  },
  { rule: '4via6 site 0xffff at /96', input: 'fd7a:115c:a1e0:b1a:0:ffff::/96', routes: ['fd7a:115c:a1e0:b1a:0:ffff::/96'] },
  { rule: 'Tailscale ULA /48 is not a via prefix', input: 'fd7a:115c:a1e0::/48', routes: ['fd7a:115c:a1e0::/48'] },

  // Not a valid prefix (rule 2): the CLI quotes the element with Go's %q
  { rule: 'bare IPv4 without a length', input: '192.168.1.10', error: notValid('192.168.1.10') },
  { rule: 'bare IPv6 without a length', input: 'fd00::5', error: notValid('fd00::5') },
  { rule: 'space after a comma', input: '10.0.0.0/24, 192.168.1.0/24', error: notValid(' 192.168.1.0/24') },
  { rule: 'trailing space', input: '192.168.1.0/24 ', error: notValid('192.168.1.0/24 ') },
  { rule: 'trailing comma = empty element', input: '192.168.1.0/24,', error: notValid('') },
  { rule: 'double comma', input: '10.0.0.0/24,,192.168.1.0/24', error: notValid('') },
  { rule: 'leading comma', input: ',10.0.0.0/8', error: notValid('') },
  { rule: 'IPv4 length above 32', input: '10.0.0.0/33', error: notValid('10.0.0.0/33') },
  { rule: 'IPv6 length above 128', input: 'fd00::/129', error: notValid('fd00::/129') },
  { rule: 'leading zero in the length', input: '10.0.0.0/08', error: notValid('10.0.0.0/08') },
  { rule: 'signed length', input: '10.0.0.0/+8', error: notValid('10.0.0.0/+8') },
  { rule: 'negative length', input: '10.0.0.0/-1', error: notValid('10.0.0.0/-1') },
  { rule: 'missing length', input: '10.0.0.0/', error: notValid('10.0.0.0/') },
  { rule: 'leading zero in an octet', input: '192.168.01.0/24', error: notValid('192.168.01.0/24') },
  { rule: 'octet above 255', input: '192.168.256.0/24', error: notValid('192.168.256.0/24') },
  { rule: 'three octets', input: '10.0.0/24', error: notValid('10.0.0/24') },
  { rule: 'five octets', input: '1.2.3.4.5/32', error: notValid('1.2.3.4.5/32') },
  { rule: 'IPv6 zone', input: 'fe80::1%eth0/64', error: notValid('fe80::1%eth0/64') },
  { rule: 'zone after the length', input: '10.0.0.0/8%eth0', error: notValid('10.0.0.0/8%eth0') },
  { rule: 'address range', input: '192.168.1.1-254', error: notValid('192.168.1.1-254') },
  { rule: 'semicolon separator', input: '10.0.0.0/24;192.168.1.0/24', error: notValid('10.0.0.0/24;192.168.1.0/24') },
  { rule: 'two ::', input: '1::2::/64', error: notValid('1::2::/64') },
  { rule: 'nine groups', input: '1:2:3:4:5:6:7:8:9/128', error: notValid('1:2:3:4:5:6:7:8:9/128') },
  { rule: ':: standing for no group', input: '1:2:3:4:5:6:7::8/128', error: notValid('1:2:3:4:5:6:7::8/128') },
  { rule: 'five hex digits', input: '12345::/16', error: notValid('12345::/16') },
  { rule: 'embedded IPv4 in the wrong place', input: '1:2:3:4:5:1.2.3.4/128', error: notValid('1:2:3:4:5:1.2.3.4/128') },
  { rule: 'short embedded IPv4', input: '::ffff:1.2.3/120', error: notValid('::ffff:1.2.3/120') },
  { rule: 'triple colon', input: ':::/0', error: notValid(':::/0') },
  { rule: 'hostname', input: 'localhost/32', error: notValid('localhost/32') },
  { rule: 'no address', input: '/24', error: notValid('/24') },
  { rule: 'tab is escaped as Go does', input: '10.0.0.0/8\t', error: '"10.0.0.0/8\\t" is not a valid IP address or CIDR prefix' },
  {
    rule: 'no-break space is escaped as \\u00a0',
    input: '10.0.0.0/8\u00a0',
    error: '"10.0.0.0/8\\u00a0" is not a valid IP address or CIDR prefix',
  },
  { rule: 'quote is escaped', input: '"10.0.0.0/8"', error: '"\\"10.0.0.0/8\\"" is not a valid IP address or CIDR prefix' },
  {
    rule: 'full-width digits stay as typed',
    input: '１０.0.0.0/8',
    error: '"１０.0.0.0/8" is not a valid IP address or CIDR prefix',
  },

  // Host bits (rule 3)
  { rule: 'host bits, CLI example', input: '1.2.3.4/16', error: '1.2.3.4/16 has non-address bits set; expected 1.2.0.0/16' },
  { rule: 'host bits, LAN', input: '192.168.1.1/24', error: '192.168.1.1/24 has non-address bits set; expected 192.168.1.0/24' },
  { rule: 'host bits in a /7', input: '11.0.0.0/7', error: '11.0.0.0/7 has non-address bits set; expected 10.0.0.0/7' },
  { rule: 'non-canonical /0', input: '1.2.3.4/0', error: '1.2.3.4/0 has non-address bits set; expected 0.0.0.0/0' },
  { rule: 'host bits, IPv6', input: 'fd00::1/64', error: 'fd00::1/64 has non-address bits set; expected fd00::/64' },
  {
    rule: 'host bits, IPv6 printed canonically',
    input: 'FD00::1/64',
    error: 'fd00::1/64 has non-address bits set; expected fd00::/64',
  },
  { rule: 'non-canonical ::/0', input: '1::/0', error: '1::/0 has non-address bits set; expected ::/0' },

  // 4via6 (rule 4)
  {
    rule: '4via6 shorter than /96 (CLI example)',
    input: 'fd7a:115c:a1e0:b1a::/64',
    error: 'fd7a:115c:a1e0:b1a::/64 4-in-6 prefix must be at least a /96',
  },
  {
    rule: 'a /63 whose address is in the via range',
    input: 'fd7a:115c:a1e0:b1a::/63',
    error: 'fd7a:115c:a1e0:b1a::/63 4-in-6 prefix must be at least a /96',
  },
  {
    rule: '4via6 /95',
    input: 'fd7a:115c:a1e0:b1a::/95',
    error: 'fd7a:115c:a1e0:b1a::/95 4-in-6 prefix must be at least a /96',
  },
  {
    rule: '4via6 site ID above 0xffff (CLI example)',
    input: 'fd7a:115c:a1e0:b1a:1234:5678::/112',
    error: 'route fd7a:115c:a1e0:b1a:1234:5678::/112 contains invalid site ID 12345678; must be 0xffff or less',
  },
  {
    rule: '4via6 site ID 0x10000',
    input: 'fd7a:115c:a1e0:b1a:1::/96',
    error: 'route fd7a:115c:a1e0:b1a:1::/96 contains invalid site ID 00010000; must be 0xffff or less',
  },

  // Default routes only as a pair (rule 5)
  {
    rule: '0.0.0.0/0 alone',
    input: '0.0.0.0/0',
    error: '0.0.0.0/0 advertised without its IPv6 counterpart, please also advertise ::/0',
  },
  { rule: '::/0 alone', input: '::/0', error: '::/0 advertised without its IPv4 counterpart, please also advertise 0.0.0.0/0' },
  {
    rule: '0.0.0.0/0 with a LAN but without ::/0',
    input: '0.0.0.0/0,192.168.1.0/24',
    error: '0.0.0.0/0 advertised without its IPv6 counterpart, please also advertise ::/0',
  },
];

describe('parseAdvertiseRoutes: the CLI rules (net/netutil/routes.go)', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    if ('routes' in c) {
      it(`accepts: ${c.rule} (${JSON.stringify(c.input)})`, () => {
        const r = parseAdvertiseRoutes(c.input);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.routes).toEqual(c.routes);
      });
    } else {
      it(`rejects: ${c.rule} (${JSON.stringify(c.input)})`, () => {
        const r = parseAdvertiseRoutes(c.input);
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0]?.message.startsWith(c.error)).toBe(true);
        expect(errors[0]?.path).toBe('routes');
      });
    }
  }
});

describe('parseAdvertiseRoutes: fixes', () => {
  const FIXES: [string, string][] = [
    ['192.168.1.1/24', '192.168.1.0/24'],
    ['1.2.3.4/16', '1.2.0.0/16'],
    ['fd00::1/64', 'fd00::/64'],
    ['10.0.0.0/24, 192.168.1.0/24', '10.0.0.0/24,192.168.1.0/24'],
    ['192.168.1.10', '192.168.1.10/32'],
    ['192.168.1.0', '192.168.1.0/24'],
    ['fd00::5', 'fd00::5/128'],
    ['192.168.1.0/24,', '192.168.1.0/24'],
    ['10.0.0.0/24,,192.168.1.0/24', '10.0.0.0/24,192.168.1.0/24'],
    ['192.168.1.1-254', '192.168.1.0/24'],
    ['192.168.1.1-192.168.1.254', '192.168.1.0/24'],
    ['10.0.0.0/24;192.168.1.0/24', '10.0.0.0/24,192.168.1.0/24'],
    ['10.0.0.0/24 192.168.1.0/24', '10.0.0.0/24,192.168.1.0/24'],
    ['192.168.01.0/24', '192.168.1.0/24'],
    ['10.0.0.0/08', '10.0.0.0/8'],
    ['fd00::1%eth0/64', 'fd00::/64'],
    ['0.0.0.0/0', '0.0.0.0/0,::/0'],
    ['::/0', '::/0,0.0.0.0/0'],
  ];

  for (const [input, fix] of FIXES) {
    it(`offers ${fix} for ${JSON.stringify(input)}, which the CLI then accepts`, () => {
      const errors = parseAdvertiseRoutes(input).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.fix)).toEqual([fix]);
      expect(hasErrors(parseAdvertiseRoutes(fix).diagnostics)).toBe(false);
    });
  }

  it('offers no fix where no safe correction exists', () => {
    for (const input of ['10.0.0.0/33', 'fd7a:115c:a1e0:b1a::/64', 'fd7a:115c:a1e0:b1a:1234:5678::/112', 'nas.local']) {
      const errors = parseAdvertiseRoutes(input).diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.fix).toBeUndefined();
    }
  });

  it('fixes only the element in question and keeps the rest as typed', () => {
    const r = parseAdvertiseRoutes('10.0.0.0/8,192.168.1.1/24,fd00::/64');
    expect(r.diagnostics.find((d) => d.code === 'route-host-bits')?.fix).toBe('10.0.0.0/8,192.168.1.0/24,fd00::/64');
  });

  it('reports every failing element with its 1-based column', () => {
    const r = parseAdvertiseRoutes('10.0.0.0/24, 192.168.1.0/24,10.1.1.1/16');
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.column])).toEqual([
      ['route-invalid', 13],
      ['route-host-bits', 29],
    ]);
  });

  it('explains a bare address in plain words after the CLI text', () => {
    const [d] = parseAdvertiseRoutes('192.168.1.10').diagnostics;
    expect(d?.message).toMatch(/^"192\.168\.1\.10" is not a valid IP address or CIDR prefix\. .*\/32/);
  });

  it('lists only the elements that passed when the value has an error', () => {
    expect(parseAdvertiseRoutes('192.168.1.0/24,10.0.0.1/8').routes).toEqual(['192.168.1.0/24']);
    expect(parseAdvertiseRoutes('0.0.0.0/0,192.168.1.0/24').routes).toEqual(['192.168.1.0/24']);
  });
});

describe('toViaRoute', () => {
  it('matches `tailscale debug via 7 192.168.1.0/24` (the CLI’s own output)', () => {
    expect(toViaRoute(7, '192.168.1.0/24')).toBe('fd7a:115c:a1e0:b1a:0:7:c0a8:100/120');
  });

  it('builds routes the CLI accepts, and rejects bad site IDs and prefixes', () => {
    const route = toViaRoute(0xffff, '10.0.0.0/8');
    expect(route).toBe('fd7a:115c:a1e0:b1a:0:ffff:a00:0/104');
    expect(hasErrors(parseAdvertiseRoutes(route ?? '').diagnostics)).toBe(false);
    expect(toViaRoute(65536, '10.0.0.0/8')).toBeUndefined();
    expect(toViaRoute(-1, '10.0.0.0/8')).toBeUndefined();
    expect(toViaRoute(1, 'fd00::/64')).toBeUndefined();
    expect(toViaRoute(1, '10.0.0.0')).toBeUndefined();
  });
});
