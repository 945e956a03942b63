import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseText, redact } from '../../../src/lib/doctor';
import { diagnoseWithValidators } from '../../../src/lib/doctor/validators';
import { CORPUS } from '../../fixtures/doctor/corpus';

const LINES = CORPUS.flatMap((entry) => [...entry.positive.map((positive) => positive.line), ...entry.negative]);

/** Random text mixed with corpus lines, ANSI codes, CRLF, JSON wrapping and control characters. */
const pasteArbitrary = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(...LINES),
      fc.constantFrom(...LINES).map((line) => JSON.stringify({ log: `${line}\n`, stream: 'stderr' })),
      fc.constantFrom(...LINES).map((line) => `\u001b[31m${line}\u001b[0m`),
      fc.constantFrom('\r\n', '\r', '\n', '\u0000', '{"log":', '$argon2id$', '::', '...', '@@@'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('diagnoseText on any input', () => {
  it('never throws and never returns a finding without a matched line', () => {
    fc.assert(
      fc.property(pasteArbitrary, (paste) => {
        const { findings, redacted } = diagnoseText(paste);
        const lineCount = paste.split(/\r\n|\r|\n/).length;
        expect(typeof redacted).toBe('string');
        for (const finding of findings) {
          expect(finding.lines.length).toBeGreaterThan(0);
          for (const line of finding.lines) {
            expect(Number.isInteger(line)).toBe(true);
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lineCount);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 2 MB paste of logs and junk', () => {
    const block = LINES.join('\n');
    let paste = '';
    while (paste.length < 2_000_000) paste += `${block}\n\u0000\u00ff${'\u001b[0m'.repeat(3)}${'a'.repeat(500)}\n`;
    const { findings, redacted } = diagnoseText(paste);
    expect(findings.length).toBeGreaterThan(40);
    expect(redacted.length).toBeGreaterThan(1_000_000);
  });
});

const label = fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/);
const domainArbitrary = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'net', 'org', 'de', 'io', 'lan', 'home', 'internal', 'nl', 'dev'),
  )
  .map(([labels, tld]) => `zz${labels.join('.')}.${tld}`);
const emailArbitrary = fc.tuple(label, domainArbitrary).map(([user, domain]) => `${user}@${domain}`);
const tokenArbitrary = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{28,60}$/),
    fc.constantFrom('A', 'Q', 'Z'),
    fc.constantFrom('a', 'q', 'z'),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([body, upper, lower, digit]) => `${upper}${lower}${digit}${body}`);

/** `needle` as a whole token of `text` (not part of a longer name or address). */
const containsToken = (text: string, needle: string) => {
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? ' ';
    const after = text[at + needle.length] ?? ' ';
    if (
      !/[A-Za-z0-9.:@_-]/.test(before) &&
      !/[A-Za-z0-9:@_-]/.test(after) &&
      !(after === '.' && /[A-Za-z0-9]/.test(text[at + needle.length + 1] ?? ''))
    )
      return true;
    from = at + 1;
  }
};

describe('redact', () => {
  it('leaves no input IPv4, IPv6, domain, e-mail or long token in the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), domainArbitrary, emailArbitrary, tokenArbitrary), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.constantFrom(' ', ' | ', ', ', ' upstream: "http://', '" host: ', ' remote_ip=', ' msg="', '\n', '\t'), {
          minLength: 12,
          maxLength: 12,
        }),
        (values, separators) => {
          const text = values.map((value, index) => `${separators[index]}${value}`).join('') + ' end';
          const out = redact(text);
          for (const value of values) expect(containsToken(out, value), `${value} in ${out}`).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Fragments of the configurations the validators read, shuffled with junk. */
const configArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'access_control:\n',
        "  default_policy: 'deny'\n",
        '  rules:\n',
        "    - domain: 'app.example.com'\n",
        '      policy: two_factor\n',
        '      subject: [group:admins, 3]\n',
        'session:\n  cookies:\n',
        "    - domain: '.example.com'\n",
        '      authelia_url: http://auth\n',
        'storage: *x\n',
        'location / {\n',
        '  auth_request /internal/authelia/authz;\n',
        '  proxy_pass http://authelia/api/verify;\n',
        'set $upstream_authelia authelia:9091;\n',
        '  error_page 401 =302 https://;\n',
        '}\n',
        'PasswordAuthentication maybe\n',
        'Match User ana\n',
        '  PermitRootLogin yes\n',
        '==> /etc/ssh/sshd_config <==\n',
        'rekeylimit 0 0\nipqos af21 cs1\nmaxstartups 10:30:100\n',
      ),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('\r\n', '\r', '\t', '- ', ': ', '[', '{', '&a ', '*a', '"'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('diagnoseWithValidators on any input', () => {
  it('never throws, and every validator message points at a line of the paste', () => {
    fc.assert(
      fc.property(configArbitrary, (paste) => {
        const { findings } = diagnoseWithValidators(paste);
        const lineCount = paste.split(/\r\n|\r|\n/).length;
        for (const finding of findings) {
          expect(finding.lines.length).toBeGreaterThan(0);
          for (const line of [...finding.lines, ...(finding.checks ?? []).flatMap((check) => (check.line ? [check.line] : []))]) {
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lineCount);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
