import { describe, expect, it } from 'vitest';
import { parseNameList } from '../../../src/lib/dns';
import { depthBelow, excerpt, isHostName, isIPv6, isLoopback, isTailnetV4, parseIPv4 } from '../../../src/lib/dns/names';

describe('parseNameList', () => {
  it('splits on commas, semicolons, spaces and newlines and drops empty items', () => {
    expect(parseNameList('a, b;c\n d\r\n\te,,')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parseNameList('')).toEqual([]);
    expect(parseNameList('  \n ')).toEqual([]);
  });
  it('keeps items as typed (normalizing is the plan’s job)', () => {
    expect(parseNameList('Jellyfin.Home.example.com.')).toEqual(['Jellyfin.Home.example.com.']);
  });
});

describe('name and address helpers', () => {
  it('checks LDH host names', () => {
    expect(isHostName('example.com', 2)).toBe(true);
    expect(isHostName('xn--bcher-kva.example', 2)).toBe(true);
    expect(isHostName('example', 2)).toBe(false);
    expect(isHostName('-a.example.com')).toBe(false);
    expect(isHostName('a_b.example.com')).toBe(false);
    expect(isHostName(`${'a'.repeat(64)}.com`)).toBe(false);
    expect(isHostName('a..com')).toBe(false);
  });
  it('measures depth below a parent by whole labels', () => {
    expect(depthBelow('a.b.example.com', 'example.com')).toBe(2);
    expect(depthBelow('example.com', 'example.com')).toBe(0);
    expect(depthBelow('superexample.com', 'example.com')).toBe(-1);
  });
  it('parses IPv4 strictly and IPv6 text forms', () => {
    expect(parseIPv4('192.168.1.10')).toEqual([192, 168, 1, 10]);
    for (const bad of ['192.168.1', '192.168.1.256', '01.2.3.4', '1.2.3.4 ', '']) expect(parseIPv4(bad)).toBeUndefined();
    for (const ok of ['::1', '2620:fe::fe', 'fe80::1:2:3:4', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8']) expect(isIPv6(ok)).toBe(true);
    for (const bad of ['1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', ':::', '1.2.3.4']) expect(isIPv6(bad)).toBe(false);
  });
  it('recognizes loopback and tailnet addresses', () => {
    expect(isLoopback('127.0.0.53')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('9.9.9.9')).toBe(false);
    expect(isTailnetV4('100.64.0.1')).toBe(true);
    expect(isTailnetV4('100.127.255.254')).toBe(true);
    expect(isTailnetV4('100.128.0.1')).toBe(false);
  });
  it('shortens excerpts and removes control characters', () => {
    expect(excerpt('x'.repeat(100))).toHaveLength(40);
    expect(excerpt('a\nb')).toBe('a b');
  });
});
