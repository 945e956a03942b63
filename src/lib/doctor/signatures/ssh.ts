/**
 * OpenSSH client messages and `sshd -t` output. sshd's wording comes from
 * https://github.com/openssh/openssh-portable/blob/4f9757382072765c09893a630608c39de0b1a3f4/servconf.c
 * ("%s: line %d: Bad configuration option: %s", "%s line %d: unsupported option \"%s\"." and similar).
 */
import type { Signature } from '../types';

const SSH = '/guides/ssh-keys/';
/** The SSH builder's "check your server as it is now" field: paste the files there to see every message at once. */
const PASTE = { builder: 'ssh', field: 'paste' } as const;

export const SSH_SIGNATURES: readonly Signature[] = [
  {
    id: 'ssh-publickey-denied',
    tool: 'ssh',
    title: 'Permission denied (publickey)',
    needle: 'permission denied (publickey',
    pattern: /Permission denied \(publickey[a-z,-]{0,80}\)/,
    specificity: 50,
    cause:
      'The server accepts only keys now and none of the keys offered is in ~/.ssh/authorized_keys of that account: the key was copied to another user, the file or ~/.ssh has loose permissions, or the client offers a different key.',
    fix: [
      {
        text: 'From a session that still works, check the file and its permissions.',
        command: 'chmod 700 ~/.ssh && chmod 600 ~/.ssh/authorized_keys && cat ~/.ssh/authorized_keys',
      },
      { text: 'Tell the client which key to use.', command: 'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes user@server' },
    ],
    guide: `${SSH}#copy-the-public-key-to-the-server`,
    builder: { builder: 'ssh', field: 'pubkey' },
  },
  {
    id: 'ssh-host-key-changed',
    tool: 'ssh',
    title: 'REMOTE HOST IDENTIFICATION HAS CHANGED',
    needle: 'host',
    pattern:
      /(?:WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!|Host key for \S{1,255} has changed and you have requested strict checking)/,
    specificity: 50,
    cause:
      'The server presents a different host key from the one your computer remembered. Expected after reinstalling the server or moving its address to another machine; otherwise treat it as someone in between.',
    fix: [
      {
        text: "If you know why the key changed, verify the new fingerprint on the server's console, then forget the old key.",
        command: 'ssh-keygen -R server.example.com',
      },
    ],
    guide: `${SSH}#common-mistakes`,
    builder: { builder: 'ssh', field: 'serverAddress' },
  },
  {
    id: 'ssh-too-many-auth-failures',
    tool: 'ssh',
    title: 'Too many authentication failures',
    needle: 'too many authentication failures',
    pattern: /Too many authentication failures/i,
    specificity: 50,
    cause:
      "The client offered every key in its agent one by one and hit the server's MaxAuthTries before reaching the right one.",
    fix: [{ text: 'Offer only the key for this server.', command: 'ssh -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 user@server' }],
    guide: `${SSH}#common-mistakes`,
    builder: { builder: 'ssh', field: 'maxAuthTries' },
  },
  {
    id: 'sshd-bad-option',
    tool: 'ssh',
    title: 'sshd_config: Bad configuration option',
    needle: 'bad configuration option',
    pattern: /line \d{1,7}: Bad configuration option: \S{1,200}/,
    specificity: 50,
    cause:
      'sshd does not know a keyword in the file (a typo, or an option from another OpenSSH version). sshd refuses to start with it, so a restart would lock you out.',
    fix: [
      {
        text: 'Fix the keyword on the line named, then test before restarting.',
        command: 'sudo sshd -t && sudo systemctl reload ssh',
      },
    ],
    guide: `${SSH}#test-the-config-then-restart`,
    builder: PASTE,
  },
  {
    id: 'sshd-bad-value',
    tool: 'ssh',
    title: 'sshd_config: unsupported or missing value',
    needle: 'line',
    pattern:
      /line \d{1,7}: (?:unsupported option "[^"\n]{0,200}"|no argument after keyword "[^"\n]{0,80}"|Badly formatted port number|[A-Za-z]{1,40} integer value invalid|missing [\w/ ]{1,40}argument)/,
    specificity: 50,
    cause: 'A keyword sshd knows has a value it does not accept there (for example maybe instead of yes/no), or no value at all.',
    fix: [{ text: 'Correct the value on the line named, then test.', command: 'sudo sshd -t' }],
    guide: `${SSH}#test-the-config-then-restart`,
    builder: PASTE,
  },
  {
    id: 'sshd-terminating-bad-options',
    tool: 'ssh',
    title: 'sshd: terminating, bad configuration options',
    needle: 'terminating,',
    pattern: /terminating, \d{1,5} bad configuration options/,
    specificity: 30,
    cause:
      'sshd -t (or sshd at start) found errors in the configuration; the lines above this one name them. sshd will not start until they are fixed.',
    fix: [{ text: 'Fix the lines named above, run the test again, and only then restart.', command: 'sudo sshd -t' }],
    guide: `${SSH}#test-the-config-then-restart`,
    builder: PASTE,
  },
];
