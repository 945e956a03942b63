import { describe, expect, it } from 'vitest';
import { diagnoseWithValidators } from '../../../src/lib/doctor/validators';

const finding = (text: string, id: string) => diagnoseWithValidators(text).findings.find((candidate) => candidate.id === id);

describe("pasted configuration goes to the builders' validators", () => {
  it("runs the access-control validator on an access_control section, with Authelia's message at the rule's line", () => {
    const text = [
      'access_control:',
      "  default_policy: 'deny'",
      '  rules:',
      "    - domain: 'app.example.com'",
      "      policy: 'two_factor'",
      "    - domain: 'wiki.example.com'",
      "      policy: 'maybe'",
    ].join('\n');
    const result = finding(text, 'config-authelia-access-control');
    const policy = result?.checks?.find((check) => check.message.includes("'maybe'"));
    expect(policy, JSON.stringify(result?.checks)).toBeDefined();
    expect(policy?.severity).toBe('error');
    expect(policy?.line).toBe(7);
    expect(result?.lines).toContain(7);
    expect(result?.handoff).toBeUndefined();
    expect(result?.details?.join(' ')).toContain('no field to paste YAML into');
  });

  it('checks session cookies of a whole configuration.yml and points at the authelia_url line', () => {
    const text = [
      'server:',
      "  address: 'tcp://:9091/'",
      'session:',
      '  cookies:',
      "    - domain: 'example.com'",
      "      authelia_url: 'http://auth.example.com'",
      'storage:',
      '  local:',
      "    path: '/config/db.sqlite3'",
      'access_control:',
      "  default_policy: 'deny'",
      '  rules:',
      "    - domain: 'app.other.org'",
      "      policy: 'one_factor'",
    ].join('\n');
    const result = finding(text, 'config-authelia');
    const insecure = result?.checks?.find((check) => check.message.includes('does not have a secure scheme'));
    expect(insecure?.line, JSON.stringify(result?.checks)).toBe(6);
    const outside = result?.checks?.find((check) => check.message.includes('app.other.org'));
    expect(outside?.line, JSON.stringify(result?.checks)).toBe(13);
  });

  it('reports YAML syntax errors at their line instead of throwing', () => {
    const text = "access_control:\n  default_policy: 'deny'\n  rules:\n    - domain: 'a.example.com\n      policy: bypass\n";
    const result = finding(text, 'config-authelia-access-control');
    expect(result?.checks?.[0]?.message).toMatch(/^YAML: /);
    expect(result?.checks?.[0]?.line).toBeGreaterThan(0);
  });

  it("runs the NPM builder's upstream and portal checks on an Advanced-tab snippet", () => {
    const text = [
      'location /internal/authelia/authz {',
      '  internal;',
      '  proxy_pass http://authelia/api/authz/auth-request;',
      '}',
      'location / {',
      '  auth_request /internal/authelia/authz;',
      '  error_page 401 =302 http://auth.example.com/?rd=$target_url;',
      '  proxy_pass $forward_scheme://$server:$port;',
      '}',
      'location / {',
      '}',
    ].join('\n');
    const result = finding(text, 'config-npm-advanced');
    const checks = result?.checks ?? [];
    expect(checks.find((check) => check.message.includes('has no port'))?.line, JSON.stringify(checks)).toBe(3);
    expect(checks.find((check) => check.message.includes('is not https'))?.line).toBe(7);
    expect(checks.find((check) => check.message.includes('twice'))?.line).toBe(10);
    expect(checks.some((check) => check.message.includes('Websockets Support') && check.line === 5)).toBe(true);
    expect(result?.handoff).toBeUndefined();
    expect(result?.details?.join(' ')).toContain('no field to paste nginx directives into');
  });

  it('flags an auth_request to a location the snippet does not define, and the legacy endpoint', () => {
    const text = [
      'location / {',
      '  auth_request /authelia;',
      '  proxy_pass $forward_scheme://$server:$port;',
      '}',
      'set $upstream_authelia http://authelia:9091/api/verify;',
    ].join('\n');
    const checks = finding(text, 'config-npm-advanced')?.checks ?? [];
    expect(checks.find((check) => check.message.includes('defines no location /authelia'))?.line, JSON.stringify(checks)).toBe(2);
    expect(checks.find((check) => check.message.includes('/api/verify'))?.line).toBe(5);
  });

  it("runs the SSH builder's reader on sshd_config and keeps the paste's line numbers", () => {
    const text = [
      'Include /etc/ssh/sshd_config.d/*.conf',
      'PasswordAuthentication yes',
      'PermitRootLogin yes',
      'PubkeyAuthenticaton yes',
    ].join('\n');
    const result = finding(text, 'config-sshd');
    expect(result?.builder).toEqual({ builder: 'ssh', field: 'paste' });
    expect(result?.handoff).toEqual({ builder: 'ssh', anchor: 'ssh-paste' });
    const checks = result?.checks ?? [];
    expect(checks.length, JSON.stringify(checks)).toBeGreaterThan(0);
    expect(checks.every((check) => check.line === undefined || (check.line >= 1 && check.line <= 4))).toBe(true);
    expect(
      checks.some((check) => check.line === 4),
      JSON.stringify(checks),
    ).toBe(true);
  });

  it('offers the compose file to the splitter and leaves logs alone', () => {
    const compose = finding('services:\n  db:\n    image: postgres:16\n', 'config-compose');
    expect(compose?.handoff).toEqual({ builder: 'compose', anchor: 'cs-source' });
    const log = diagnoseWithValidators('auth request unexpected status: 502 while sending to client');
    expect(log.findings.every((entry) => entry.checks === undefined)).toBe(true);
  });
});
