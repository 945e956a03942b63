/** Checks of the builder's fields: each message names its field, and a fix is offered where one is certain. */
import type { Diagnostic } from '../core';
import { error, info, warning } from '../core';
import { splitNames, type SshdOptions } from './options';
import { formatIPv6, parseInteger, parseTime } from './settings';
import { parseAddress, parseCidr } from './patterns';
import { stockSet } from './stock';

/** POSIX-portable login and group names as useradd accepts them by default (NAME_REGEX in adduser.conf). */
const NAME = /^[a-z_][a-z0-9_-]*\$?$/;

function checkNames(field: 'users' | 'groups', text: string, out: Diagnostic[]): string[] {
  const names = splitNames(text);
  const what = field === 'users' ? 'user' : 'group';
  if (names.length === 0) {
    out.push(error(`no-${field}`, `List at least one ${what}, or choose to let every account log in.`, { path: field }));
  }
  for (const name of names) {
    if (!NAME.test(name) || name.length > 32) {
      const cleaned = name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
      const fixed = text.replace(name, cleaned);
      out.push(
        error(
          `bad-${what}`,
          `"${name}" is not a ${what} name: use lower-case letters, digits, - and _, starting with a letter or _ (at most 32 characters).`,
          {
            path: field,
            ...(NAME.test(cleaned) && cleaned.length <= 32 ? { fix: fixed } : {}),
          },
        ),
      );
    }
  }
  return names;
}

function checkAddress(
  field: 'listenLan' | 'listenTailnet' | 'testAddr' | 'serverAddress',
  text: string,
  out: Diagnostic[],
): void {
  const value = text.trim();
  if (value === '') return;
  const parsed = parseAddress(value);
  if (!parsed) {
    out.push(
      error(
        'bad-address',
        `${value} is not an IP address (e.g. 192.168.1.10 or fd00::10); a network with /bits does not belong here.`,
        { path: field, ...(value.includes('/') && parseAddress(value.split('/')[0]!) ? { fix: value.split('/')[0] } : {}) },
      ),
    );
    return;
  }
  if (field === 'listenTailnet') {
    const tailnet =
      parsed.family === 4
        ? parsed.bytes[0] === 100 && (parsed.bytes[1]! & 0xc0) === 64
        : formatIPv6(parsed.bytes).startsWith('fd7a:115c:a1e0:');
    if (!tailnet)
      out.push(
        warning('not-tailnet', `${value} is not a Tailscale address (100.64.0.0/10 or fd7a:115c:a1e0::/48).`, { path: field }),
      );
  }
}

export function checkOptions(options: SshdOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stock = stockSet(options.distro);
  if (!stock) out.push(error('bad-distro', 'Choose a distribution from the list.', { path: 'distro' }));
  if (options.accessBy === 'users') {
    const users = checkNames('users', options.users, out);
    if (users.length > 0 && users.every((user) => user === 'root')) {
      out.push(
        options.rootLogin === 'no'
          ? error(
              'root-only',
              'root is the only allowed user, but PermitRootLogin no refuses root: nobody could log in. Add your own account.',
              { path: 'users' },
            )
          : warning(
              'root-only',
              'root is the only allowed user: log in with your own account and use sudo, so each login is traceable to a person.',
              { path: 'users' },
            ),
      );
    }
  } else if (options.accessBy === 'groups') checkNames('groups', options.groups, out);

  const port = options.port.trim();
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    out.push(error('bad-port', `The port must be a number from 1 to 65535${port ? `, not ${port}` : ''}.`, { path: 'port' }));
  } else if (Number(port) !== 22 && stock?.socketActivated) {
    out.push(
      info(
        'socket-port',
        `${stock.label} starts sshd from ssh.socket: the procedure reloads systemd and restarts the socket, or the new port is ignored.`,
        { path: 'port' },
      ),
    );
  }
  checkAddress('listenLan', options.listenLan, out);
  checkAddress('listenTailnet', options.listenTailnet, out);
  checkAddress('testAddr', options.testAddr, out);
  if (!/^[A-Za-z0-9.:_-]+$/.test(options.serverAddress.trim())) {
    out.push(error('bad-server', 'Give the server as an IP address or a host name.', { path: 'serverAddress' }));
  }

  const tries = parseInteger(options.maxAuthTries.trim());
  if (tries === undefined || tries < 1)
    out.push(error('bad-number', 'MaxAuthTries needs a whole number of 1 or more.', { path: 'maxAuthTries' }));
  else if (tries > 6)
    out.push(warning('many-tries', `${tries} tries per connection is more than sshd's default of 6.`, { path: 'maxAuthTries' }));
  if (parseTime(options.clientAliveInterval.trim()) === undefined) {
    out.push(
      error('bad-time', 'ClientAliveInterval needs seconds or a time such as 5m (0 turns it off).', {
        path: 'clientAliveInterval',
      }),
    );
  }
  if (parseInteger(options.clientAliveCountMax.trim()) === undefined) {
    out.push(error('bad-number', 'ClientAliveCountMax needs a whole number.', { path: 'clientAliveCountMax' }));
  }

  const networks = splitNames(options.passwordFrom);
  for (const network of networks) {
    const parsed = parseCidr(network);
    if (parsed === 'bad-mask') {
      const [address = '', bits = ''] = network.split('/');
      const fixed = networkOf(address, Number(bits));
      out.push(
        error(
          'bad-network',
          `${network} has host bits set; sshd refuses the whole config ("Invalid Match address"). Use the network address.`,
          {
            path: 'passwordFrom',
            ...(fixed ? { fix: options.passwordFrom.replace(network, fixed) } : {}),
          },
        ),
      );
    } else if (!parsed)
      out.push(error('bad-network', `${network} is not a network such as 192.168.1.0/24.`, { path: 'passwordFrom' }));
  }
  if (networks.length > 0) {
    out.push(
      warning(
        'password-exception',
        `Passwords stay allowed from ${networks.join(', ')}: anyone on that network can try to guess them. Keep it to a network you trust and remove it once every device has a key.`,
        { path: 'passwordFrom' },
      ),
    );
  }
  if (!options.pubkey && networks.length === 0) {
    out.push(
      error(
        'no-login-method',
        'With keys off and no network where passwords are allowed, no login method is left: you would lock yourself out.',
        { path: 'pubkey' },
      ),
    );
  } else if (!options.pubkey) {
    out.push(warning('keys-off', 'Keys are off: only password logins from the listed networks remain.', { path: 'pubkey' }));
  }
  if (stock && !stock.readsDropIns) {
    out.push(
      warning(
        'dropin-ignored',
        `${stock.label} has no Include of sshd_config.d, so a drop-in there is never read. The builder gives the lines to put at the top of /etc/ssh/sshd_config instead.`,
        { path: 'distro' },
      ),
    );
  }
  return out;
}

/** The network address of `address/bits` (host bits cleared), or undefined. */
function networkOf(address: string, bits: number): string | undefined {
  const parsed = parseAddress(address);
  if (!parsed || !Number.isInteger(bits)) return undefined;
  const bytes = parsed.bytes.map((byte, index) => {
    const keep = Math.max(0, Math.min(8, bits - index * 8));
    return byte & (0xff << (8 - keep)) & 0xff;
  });
  return `${parsed.family === 4 ? bytes.join('.') : formatIPv6(bytes)}/${bits}`;
}
