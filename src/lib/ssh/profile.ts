/** The SSH builder's part of the homelab profile: who logs in and where the server is. */
import type { Profile } from '../profile/model';
import type { SshdOptions } from './options';

export function toSshOptions(profile: Profile): Pick<SshdOptions, 'accessBy' | 'users' | 'serverAddress' | 'testUser'> {
  const users = profile.users.map((user) => user.username).filter((name) => name !== '');
  return {
    accessBy: 'users',
    users: users.join(' '),
    serverAddress: profile.serverIp,
    testUser: users[0] ?? '',
  };
}
