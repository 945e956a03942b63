/**
 * Recognises a pasted configuration (rather than a log) and says which builder reads that format. A pasted compose
 * file also goes through the compose splitter, whose findings are reported with it.
 */
import { splitWithFindings } from '../compose';
import type { Finding } from './types';

/** Top-level keys of Authelia's configuration.yml (4.38/4.39 schema). */
const AUTHELIA_KEYS = [
  'authentication_backend',
  'access_control',
  'session',
  'storage',
  'notifier',
  'identity_validation',
  'identity_providers',
  'totp',
  'webauthn',
  'regulation',
  'server',
  'log',
  'theme',
  'default_2fa_method',
  'ntp',
  'definitions',
];

const SSHD_KEYWORDS =
  /^\s*(?:PasswordAuthentication|PermitRootLogin|PubkeyAuthentication|KbdInteractiveAuthentication|ChallengeResponseAuthentication|AuthenticationMethods|AllowUsers|AllowGroups|MaxAuthTries|UsePAM|Include|AuthorizedKeysFile|PermitEmptyPasswords|X11Forwarding|ListenAddress|HostKey|Match|Subsystem)[ \t]+\S/i;

const NGINX_DIRECTIVE =
  /^\s*(?:location\s+[^{\n]{0,200}\{|proxy_pass\s|auth_request(?:_set)?\s|proxy_set_header\s|include\s+\S{1,300};|set\s+\$\w{1,64}\s|error_page\s|add_header\s|client_max_body_size\s|proxy_buffers?\s|internal;)/;

/**
 * What a finding says instead of offering to carry the text, for builders without a paste field (both Authelia
 * builders and the NPM snippet builder are forms).
 */
const NO_PASTE_FIELD = (builder: string, format = 'YAML') =>
  `The ${builder} has no field to paste ${format} into, so this text can't be carried over: the link opens the field to start from, and the messages below say what to change there.`;

const topLevelKeys = (lines: readonly string[]): Map<string, number> => {
  const keys = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]{0,63}):(?:\s|$)/.exec(line)?.[1];
    if (key !== undefined && !keys.has(key)) keys.set(key, index + 1);
  });
  return keys;
};

/** The 1-based numbers of the lines that satisfy `test`, at most `limit` of them. */
function linesWhere(lines: readonly string[], test: (line: string) => boolean, limit = 50): number[] {
  const found: number[] = [];
  lines.forEach((line, index) => {
    if (found.length < limit && test(line)) found.push(index + 1);
  });
  return found;
}

function composeDetails(text: string): string[] {
  const result = splitWithFindings(text);
  const secrets = result.findings.filter((finding) => finding.secret).map((finding) => finding.key);
  const details = secrets.length
    ? [`The splitter would move ${secrets.length} secret value(s) to .env: ${[...new Set(secrets)].join(', ')}.`]
    : [];
  for (const diagnostic of result.diagnostics.slice(0, 5)) details.push(`${diagnostic.severity}: ${diagnostic.message}`);
  return details;
}

/** Config findings for a paste whose lines are `lines` (already normalised). Large pastes are not configs. */
export function detectConfigs(text: string, lines: readonly string[]): Finding[] {
  if (text.length > 200_000) return [];
  const findings: Finding[] = [];
  const keys = topLevelKeys(lines);

  const autheliaKeys = AUTHELIA_KEYS.filter((key) => keys.has(key));
  if (keys.has('access_control') && autheliaKeys.length === 1) {
    findings.push({
      id: 'config-authelia-access-control',
      tool: 'config',
      title: 'Pasted: an Authelia access_control section',
      cause:
        "This is the access_control part of Authelia's configuration.yml. The access-control builder checks rule order, shadowed rules and domains against Authelia's own matcher.",
      fix: [{ text: 'Open the access-control builder and enter these rules there to see which rule decides each request.' }],
      lines: [keys.get('access_control') as number],
      guide: '/guides/authelia-forward-auth/#build-and-test-your-rules',
      builder: { builder: 'access', field: 'default_policy' },
      details: [NO_PASTE_FIELD('access-control builder')],
    });
  } else if (autheliaKeys.length >= 2) {
    findings.push({
      id: 'config-authelia',
      tool: 'config',
      title: "Pasted: Authelia's configuration.yml",
      cause: `This looks like Authelia's configuration (top-level keys ${autheliaKeys.join(', ')}). The setup builder writes a complete 4.39 file and flags the 4.38 key changes.`,
      fix: [{ text: 'Open the Authelia setup builder and compare its output with this file.' }],
      lines: autheliaKeys.map((key) => keys.get(key) as number).sort((a, b) => a - b),
      guide: '/guides/authelia-setup/#write-configurationyml',
      builder: { builder: 'authelia-setup', field: 'domain' },
      details: [NO_PASTE_FIELD('setup builder')],
    });
  }

  if (keys.has('services') && lines.some((line) => /^\s{2,8}image:\s*\S/.test(line))) {
    findings.push({
      id: 'config-compose',
      tool: 'config',
      title: 'Pasted: a Docker Compose file',
      cause:
        'This is a compose file. The secrets splitter moves passwords and tokens out of it into .env, with the $ escaping Compose needs.',
      fix: [{ text: 'Open the compose splitter and paste the file there.' }],
      lines: [keys.get('services') as number],
      guide: '/guides/secrets/#split-your-compose-file',
      builder: { builder: 'compose', field: 'composeSource' },
      handoff: { builder: 'compose', anchor: 'cs-source' },
      details: composeDetails(text),
    });
  }

  const nginxLines = linesWhere(lines, (line) => NGINX_DIRECTIVE.test(line));
  if (nginxLines.length >= 2 && !keys.has('services')) {
    const protects = lines.some((line) => /^\s*auth_request\s/.test(line));
    findings.push({
      id: 'config-npm-advanced',
      tool: 'config',
      title: "Pasted: nginx directives (NPM's Advanced tab)",
      cause: protects
        ? 'This is an Advanced-tab snippet with an auth_request check. The NPM snippet builder writes the whole block per host and checks it against the real NPM template.'
        : "This is an nginx snippet for NPM's Advanced tab. The NPM snippet builder writes these blocks and warns about settings NPM ignores.",
      fix: [{ text: 'Open the NPM snippet builder and rebuild the snippet for this host.' }],
      lines: nginxLines,
      guide: '/guides/authelia-setup/#protect-an-app',
      builder: { builder: 'npm', field: protects ? 'autheliaUpstream' : 'hosts[0].hostname' },
      details: [NO_PASTE_FIELD('NPM snippet builder', 'nginx directives')],
    });
  }

  const sshdLines = linesWhere(lines, (line) => SSHD_KEYWORDS.test(line));
  if (sshdLines.length >= 2) {
    findings.push({
      id: 'config-sshd',
      tool: 'config',
      title: 'Pasted: sshd_config',
      cause:
        'These are OpenSSH server settings (files or sshd -T output). The SSH builder reads them in the order sshd does, shows which value wins, and flags password logins, root logins and other risks; its messages are listed here at their lines.',
      fix: [
        { text: 'Open the text in the SSH builder to see the effective values for your user and address.' },
        { text: 'Test the files before any restart.', command: 'sudo sshd -t' },
      ],
      lines: sshdLines,
      guide: '/guides/ssh-keys/#turn-off-password-logins',
      builder: { builder: 'ssh', field: 'paste' },
      handoff: { builder: 'ssh', anchor: 'ssh-paste' },
    });
  }
  return findings;
}
