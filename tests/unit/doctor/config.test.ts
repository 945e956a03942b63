import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../../src/lib/doctor';

const byId = (text: string) => new Map(diagnoseText(text).findings.map((finding) => [finding.id, finding]));

describe('pasted configuration', () => {
  it("recognises Authelia's configuration.yml and points at the setup builder", () => {
    const finding = byId(
      [
        "server:\n  address: 'tcp://:9091/'",
        "session:\n  cookies:\n    - domain: 'example.com'\n      authelia_url: 'https://auth.example.com'",
        "storage:\n  local:\n    path: '/config/db.sqlite3'",
        "access_control:\n  default_policy: 'deny'",
      ].join('\n'),
    ).get('config-authelia');
    expect(finding?.builder).toEqual({ builder: 'authelia-setup', field: 'domain' });
    expect(finding?.lines).toEqual([1, 3, 7, 10]);
  });

  it('recognises an access_control section on its own and points at the access-control builder', () => {
    const text =
      "access_control:\n  default_policy: 'deny'\n  rules:\n    - domain: 'app.example.com'\n      policy: 'two_factor'\n";
    const findings = byId(text);
    expect(findings.get('config-authelia-access-control')?.builder).toEqual({ builder: 'access', field: 'default_policy' });
    expect(findings.has('config-authelia')).toBe(false);
  });

  it("recognises a compose file and reports the splitter's findings", () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n';
    const finding = byId(text).get('config-compose');
    expect(finding?.builder).toEqual({ builder: 'compose', field: 'composeSource' });
    expect(finding?.lines).toEqual([1]);
    expect(finding?.details?.join(' ')).toContain('POSTGRES_PASSWORD');
  });

  it("recognises an NPM Advanced-tab snippet and points at the snippet builder's upstream field", () => {
    const text = [
      'set $upstream_authelia http://authelia:9091/api/authz/auth-request;',
      'location / {',
      '  include /snippets/proxy.conf;',
      '  auth_request /internal/authelia/authz;',
      '  proxy_pass $forward_scheme://$server:$port;',
      '}',
    ].join('\n');
    const finding = byId(text).get('config-npm-advanced');
    expect(finding?.builder).toEqual({ builder: 'npm', field: 'autheliaUpstream' });
    expect(finding?.lines).toEqual([1, 2, 3, 4, 5]);
  });

  it("recognises sshd_config and points at the SSH builder's paste field", () => {
    const finding = byId('Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\nPermitRootLogin no\n').get(
      'config-sshd',
    );
    expect(finding?.lines).toEqual([1, 2, 3]);
    expect(finding?.builder).toEqual({ builder: 'ssh', field: 'paste' });
    expect(finding?.handoff).toEqual({ builder: 'ssh', anchor: 'ssh-paste' });
    expect(finding?.guide).toBe('/guides/ssh-keys/#turn-off-password-logins');
  });

  it('does not call a log a configuration', () => {
    const log =
      'time="2024-03-20T12:59:13+02:00" level=error msg="Configuration: session: option \'cookies\' is required"\nserver: started';
    expect([...byId(log).keys()].filter((id) => id.startsWith('config-'))).toEqual([]);
  });
});
