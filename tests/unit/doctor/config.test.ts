import { describe, expect, it } from 'vitest';
import { BUILDERS } from '../../../src/lib/builders/registry';
import { diagnoseText } from '../../../src/lib/doctor';
import { diagnoseWithValidators } from '../../../src/lib/doctor/validators';
import { builderHasField, guideAnchors, islandHasId } from './site-links';

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

describe('links of the config findings', () => {
  const PASTES = [
    "server:\n  address: 'tcp://:9091/'\nsession:\n  cookies: []\naccess_control:\n  default_policy: 'deny'\n",
    "access_control:\n  default_policy: 'deny'\n",
    'services:\n  db:\n    image: postgres:16\n',
    'location / {\n  auth_request /internal/authelia/authz;\n  proxy_pass $forward_scheme://$server:$port;\n}\n',
    'PasswordAuthentication no\nPermitRootLogin no\n',
  ];
  const findings = PASTES.flatMap((paste) => diagnoseWithValidators(paste).findings.filter((f) => f.id.startsWith('config-')));

  it('finds one config finding per sample', () => {
    expect(findings.map((finding) => finding.id).sort()).toEqual([
      'config-authelia',
      'config-authelia-access-control',
      'config-compose',
      'config-npm-advanced',
      'config-sshd',
    ]);
  });

  it.each(findings.map((finding) => [finding.id, finding] as const))(
    '%s links a guide heading, a registered builder and a field it has',
    (_id, finding) => {
      expect(guideAnchors()).toContain(finding.guide);
      expect(finding.builder).toBeDefined();
      expect(BUILDERS.map((builder) => builder.id)).toContain(finding.builder?.builder);
      expect(builderHasField(finding.builder!.builder, finding.builder!.field), finding.builder?.field).toBe(true);
      if (finding.handoff) {
        expect(finding.handoff.builder).toBe(finding.builder?.builder);
        expect(islandHasId(finding.handoff.builder, finding.handoff.anchor), finding.handoff.anchor).toBe(true);
      }
    },
  );
});
