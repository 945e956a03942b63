/**
 * The front-door kit's ssh/00-homelab.conf with Debian 12's stock sshd_config (which includes sshd_config.d/*.conf):
 * the real `sshd -t` accepts it, and `sshd -T` for the profile's first user shows key-only logins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFrontDoorKit, KIT_FILES } from '../../src/lib/kit';
import { stockSet } from '../../src/lib/ssh/stock';
import { NAMED_PROFILES } from '../unit/kit/profiles';
import { SshdTree } from './sshd';

let tree: SshdTree;
beforeAll(() => {
  tree = new SshdTree();
});
afterAll(() => tree?.dispose());

describe('sshd -t on the kit drop-in', () => {
  for (const [name, { profile, choices }] of Object.entries(NAMED_PROFILES))
    it(name, async () => {
      const dropIn = generateFrontDoorKit(profile, choices).files.find((f) => f.name === KIT_FILES.sshDropIn);
      expect(dropIn).toBeDefined();
      const stock = stockSet('debian-12')!;
      const files = [
        ...stock.files.map(({ path, content }) => ({ path, content })),
        { path: '/etc/ssh/sshd_config.d/00-homelab.conf', content: dropIn!.content },
      ];
      const user = profile.users[0]!.username;
      const [run] = await tree.run(files, [{ user, host: 'laptop', addr: '192.0.2.7' }]);
      expect(run!.ok, run!.stderr).toBe(true);
      expect(run!.values.passwordauthentication).toEqual(['no']);
      expect(run!.values.permitrootlogin).toEqual(['no']);
      expect(run!.values.allowusers).toEqual(profile.users.map((u) => u.username));
    });
});
