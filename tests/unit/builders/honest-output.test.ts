import { describe, expect, it } from 'vitest';
import { withErrors } from '../../../src/components/builder/announce';
import { boundMessage, shownValue } from '../../../src/lib/core/excerpt';
import { shownValue as fromDomain } from '../../../src/lib/core/domain';
import { repairHostname, transliterate } from '../../../src/lib/tailscale/names';

describe('copy and download say when the checks found errors (issue 21 item 6)', () => {
  it('says nothing more when there are none', () => {
    expect(withErrors('Copied router.sh', [])).toBe('Copied router.sh');
  });
  it('counts the errors and quotes the first', () => {
    expect(withErrors('Copied a.yml', [{ message: 'Authelia refuses to start.' }, { message: 'Second.' }])).toBe(
      'Copied a.yml — but the checks found 2 errors: Authelia refuses to start.',
    );
    expect(withErrors('Downloaded a.yml', [{ message: 'x'.repeat(500) }]).length).toBeLessThan(260);
  });
});

describe('excerpts (issue 21 item 10)', () => {
  it('one owner: domain.ts re-exports the core excerpt', () => {
    expect(fromDomain).toBe(shownValue);
  });
  it('a typed value over 80 characters becomes an excerpt with its length', () => {
    const long = 'a'.repeat(500);
    expect(boundMessage(`'${long}' is not valid.`, [long])).toBe(`'${'a'.repeat(40)}… (500 characters)' is not valid.`);
  });
  it('an escaped form of a long value (no spaces) is cut too, and short messages stay as they are', () => {
    const cut = boundMessage(`"${'a\\n'.repeat(100)}" is bad`);
    expect(cut).toMatch(/^"a\\na\\n.*… \(302 characters\) is bad$/);
    expect(cut.length).toBeLessThan(80);
    expect(boundMessage('Short and clear.')).toBe('Short and clear.');
  });
});

describe('hostname fixes transliterate (issue 21 item 11)', () => {
  it('routér-ü becomes router-u, not routr', () => {
    expect(repairHostname('routér-ü')).toBe('router-u');
    expect(transliterate('Straße Ærø')).toBe('Strasse AEro');
  });
  it('what has no ASCII spelling is dropped, and nothing is offered when nothing is left', () => {
    expect(repairHostname('路由器')).toBeUndefined();
  });
});
