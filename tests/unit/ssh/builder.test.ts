import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../src/lib/profile/model';
import { BUILDERS } from '../../../src/lib/builders/registry';
import { sshBuilder } from '../../../src/lib/ssh/builder';
import { toSshOptions } from '../../../src/lib/ssh';

describe('SSH builder spec', () => {
  it('is registered for the SSH guide', () => {
    expect(sshBuilder.id).toBe('ssh');
    expect(sshBuilder.schema.version).toBe(1);
    expect(BUILDERS.find((entry) => entry.id === 'ssh')?.page).toBe('/guides/ssh-keys/');
  });
  it('takes users and the server address from the profile, keeping the rest', () => {
    const current = { ...sshBuilder.defaults, passwordFrom: '192.168.1.0/24' };
    const state = sshBuilder.fromProfile!(
      { ...defaultProfile, users: [{ username: 'lee', displayname: 'Lee', email: '', groups: [] }] },
      current,
    );
    expect(state).toMatchObject({
      users: 'lee',
      testUser: 'lee',
      serverAddress: defaultProfile.serverIp,
      passwordFrom: '192.168.1.0/24',
    });
    expect(toSshOptions(defaultProfile).users).toBe('ana');
  });
  it('a hand-made link with wrong types or unknown choices still generates', () => {
    const input = sshBuilder.toInput({
      ...sshBuilder.defaults,
      distro: 'gentoo' as never,
      pubkey: 'yes' as never,
      port: 22 as never,
    });
    expect(input.distro).toBe('debian-12');
    expect(input.pubkey).toBe(true);
    expect(input.port).toBe('22');
    expect(sshBuilder.generate(input).files.length).toBe(3);
  });
  it('shows the users or the groups field, whichever applies', () => {
    expect(sshBuilder.fields!({ ...sshBuilder.defaults, accessBy: 'groups' }).has('groups')).toBe(true);
    expect(sshBuilder.fields!({ ...sshBuilder.defaults, accessBy: 'groups' }).has('users')).toBe(false);
  });
  it('every stock set names its sources', async () => {
    const { STOCK_SETS } = await import('../../../src/lib/ssh');
    expect(STOCK_SETS).toHaveLength(9);
    for (const stock of STOCK_SETS) for (const file of stock.files) expect(file.source).toMatch(/^https:\/\//);
  });
});
