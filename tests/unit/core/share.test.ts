import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changedFields, decodeShare, encodeShare, readFragment, storableState, stripSecrets } from '../../../src/lib/core/share';

const schema = { version: 2, secretKeys: ['password', 'secrets'] };
const defaults = {
  domain: 'example.com',
  rules: [{ domain: 'a.example.com', policy: 'one_factor' }],
  users: [] as { name: string; password?: string }[],
  secrets: { jwt: '' },
};

describe('stripSecrets', () => {
  it('removes secret keys at any depth and leaves the input alone', () => {
    const input = { a: 1, password: 'x', nested: [{ password: 'y', keep: true }], secrets: { jwt: 'z' } };
    expect(stripSecrets(input, schema.secretKeys)).toEqual({ a: 1, nested: [{ keep: true }] });
    expect(input.password).toBe('x');
  });
});

describe('share links', () => {
  it('encode only the fields that differ from the defaults', () => {
    expect(changedFields({ ...defaults, domain: 'home.arpa' }, defaults)).toEqual({ domain: 'home.arpa' });
    const value = encodeShare(defaults, defaults, schema);
    expect(value).toBe(`v2.${btoa('{}').replace(/=+$/, '')}`);
  });

  it('round-trip non-secret changes and drop secrets', () => {
    const state = {
      ...defaults,
      domain: 'home.example.net',
      users: [{ name: 'ana', password: 'hunter2-secret' }],
      secrets: { jwt: 'jwt-secret-value' },
    };
    const value = encodeShare(state, defaults, schema);
    expect(value).not.toContain('hunter2');
    const decoded = decodeShare(value, defaults, schema);
    expect(decoded).toEqual({ ok: true, state: { ...defaults, domain: 'home.example.net', users: [{ name: 'ana' }] } });
  });

  it('refuse other versions and damaged data with a reason, never a throw', () => {
    expect(decodeShare('v1.e30', defaults, schema)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('another version'),
    });
    expect(decodeShare('garbage', defaults, schema)).toMatchObject({ ok: false });
    expect(decodeShare('v2.%%%', defaults, schema)).toMatchObject({ ok: false });
    expect(decodeShare('v2.W10', defaults, schema)).toMatchObject({ ok: false }); // "[]"
  });

  it('ignore unknown fields and fields of the wrong type', () => {
    const value = `v2.${btoa(JSON.stringify({ evil: 1, domain: 42, rules: [] }))}`;
    expect(decodeShare(value, defaults, schema)).toEqual({ ok: true, state: { ...defaults, rules: [] } });
  });

  it('read a builder parameter from the fragment', () => {
    expect(readFragment('#access=v2.abc&x=1', 'access')).toBe('v2.abc');
    expect(readFragment('', 'access')).toBeUndefined();
  });

  it('property: no secret value ever appears in a share link, encoded or decoded', () => {
    const secret = fc.string({ minLength: 8, maxLength: 40 }).map((s) => `secret:${s}`);
    fc.assert(
      fc.property(secret, secret, fc.domain(), (password, jwt, domain) => {
        const state = { ...defaults, domain, users: [{ name: 'u', password }], secrets: { jwt } };
        const value = encodeShare(state, defaults, schema);
        const payload = Buffer.from(value.slice(value.indexOf('.') + 1), 'base64url').toString('utf8');
        const decoded = JSON.stringify(decodeShare(value, defaults, schema));
        expect(payload).toContain(JSON.stringify(domain));
        for (const text of [value, payload, decoded]) expect(text).not.toContain('secret:');
        expect(payload).not.toContain('"password"');
        expect(payload).not.toContain('"secrets"');
      }),
      { numRuns: 300 },
    );
  });
});

describe('storage', () => {
  it('keeps secrets only when the user opted in', () => {
    const state = { ...defaults, secrets: { jwt: 's' } };
    expect(storableState(state, schema, false)).not.toHaveProperty('secrets');
    expect(storableState(state, schema, true)).toHaveProperty('secrets.jwt', 's');
  });
});
