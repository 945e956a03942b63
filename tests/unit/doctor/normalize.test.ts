import { describe, expect, it } from 'vitest';
import { diagnoseText, normalizeLine, splitLines } from '../../../src/lib/doctor';

const LINE = 'Warning: IP forwarding is disabled, subnet routing/exit nodes will not work.';

describe('input formats', () => {
  it('counts lines across LF, CRLF and lone CR', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    const findings = diagnoseText(`first\r\nsecond\r\n${LINE}\r\n`).findings;
    expect(findings.map((f) => [f.id, f.lines])).toEqual([['tailscale-ip-forwarding-disabled', [3]]]);
  });

  it('reads through ANSI colour codes', () => {
    const coloured = `\u001b[33mWarning:\u001b[0m IP forwarding is \u001b[1;31mdisabled\u001b[0m, subnet routing/exit nodes will not work.`;
    expect(normalizeLine(coloured)).toBe(LINE);
    expect(diagnoseText(coloured).findings[0]?.id).toBe('tailscale-ip-forwarding-disabled');
  });

  it('unwraps docker logs JSON lines and JSON app logs', () => {
    const dockerJson = JSON.stringify({ log: `${LINE}\n`, stream: 'stderr', time: '2024-01-01T00:00:00.000000000Z' });
    expect(diagnoseText(dockerJson).findings[0]?.id).toBe('tailscale-ip-forwarding-disabled');
    const autheliaJson = JSON.stringify({
      level: 'error',
      msg: "Configuration: session: option 'cookies' is required",
      time: '2025-09-24T10:27:53Z',
    });
    expect(diagnoseText(autheliaJson).findings[0]?.id).toBe('authelia-session-cookies-required');
  });

  it('finds messages behind timestamps and container prefixes', () => {
    const prefixed = `authelia-1  | 2024-05-01T10:00:00.123+02:00 ${LINE}`;
    expect(diagnoseText(prefixed).findings[0]?.lines).toEqual([1]);
  });

  it('survives binary junk and keeps the line numbers of the paste', () => {
    const junk = '\u0000\u0001\u0002\u00ff\ud800\ufffd\u0007PNG\u001a';
    const paste = `${junk}\n${junk}${LINE}${junk}\n${junk}`;
    const findings = diagnoseText(paste).findings;
    expect(findings.map((f) => [f.id, f.lines])).toEqual([['tailscale-ip-forwarding-disabled', [2]]]);
  });

  it('reads the message at the start of a very long line', () => {
    const long = `${LINE} ${'x'.repeat(200_000)}`;
    expect(diagnoseText(long).findings[0]?.id).toBe('tailscale-ip-forwarding-disabled');
  });
});
