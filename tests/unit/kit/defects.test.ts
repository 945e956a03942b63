import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../src/lib/core';
import { checkFrontDoorKit, generateFrontDoorKit, KIT_FILES } from '../../../src/lib/kit';
import { NAMED_PROFILES } from './profiles';

const { profile, choices } = NAMED_PROFILES['public blog via tunnel']!;
const base = generateFrontDoorKit(profile, choices).files;

/** The kit with one file's text changed by `edit` (the file must exist and the edit must change it). */
function plant(name: string, edit: (text: string) => string, files: readonly GeneratedFile[] = base): GeneratedFile[] {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} in the kit`);
  const content = edit(file.content);
  if (content === file.content) throw new Error(`the edit did not change ${name}`);
  return files.map((f) => (f === file ? { ...f, content } : f));
}
const lineOf = (files: readonly GeneratedFile[], name: string, needle: string) =>
  files
    .find((f) => f.name === name)!
    .content.split('\n')
    .findIndex((l) => l.includes(needle)) + 1;
const found = (files: readonly GeneratedFile[]) => checkFrontDoorKit(files).map(({ code, path, line }) => ({ code, path, line }));

describe('checkFrontDoorKit finds each planted defect, naming the file and line', () => {
  it('starts from a kit with no finding', () => {
    expect(base.length).toBeGreaterThan(0);
    expect(checkFrontDoorKit(base)).toEqual([]);
  });

  it('a ${VAR} without a .env.example key', () => {
    const files = plant(KIT_FILES.compose, (t) => t.replaceAll("TZ: '${TZ}'", "TZ: '${TIMEZONE}'"));
    expect(found(files)).toContainEqual({
      code: 'kit-env-missing',
      path: 'compose.yaml',
      line: lineOf(files, 'compose.yaml', '${TIMEZONE}'),
    });
    // …and TZ is then set but never read.
    expect(found(files)).toContainEqual({
      code: 'kit-env-unused',
      path: '.env.example',
      line: lineOf(files, '.env.example', 'TZ='),
    });
  });

  it('an inline password', () => {
    const files = plant(KIT_FILES.compose, (t) =>
      t.replace("      PUID: '${PUID}'\n", "      PUID: '${PUID}'\n      ADMIN_PASSWORD: 'Tr0ub4dor&3-horse'\n"),
    );
    expect(found(files)).toContainEqual({
      code: 'kit-secret-inline',
      path: 'compose.yaml',
      line: lineOf(files, 'compose.yaml', 'ADMIN_PASSWORD'),
    });
  });

  it('a host outside the cookie domain', () => {
    const snippet = base.find((f) => f.name === `npm/jellyfin.${profile.domain}.advanced.conf`)!;
    const files = [...base, { ...snippet, name: 'npm/jellyfin.elsewhere.org.advanced.conf' }];
    expect(found(files).map((d) => d.code)).toContain('kit-host-outside-cookie');
    expect(found(files).find((d) => d.code === 'kit-host-outside-cookie')!.path).toBe('authelia/configuration.yml');
  });

  it('a localhost upstream', () => {
    const files = plant(KIT_FILES.npmChecklist, (t) =>
      t.replace('- Forward: http://192.168.1.10:8096', '- Forward: http://localhost:8096'),
    );
    expect(found(files)).toContainEqual({
      code: 'kit-upstream-loopback',
      path: 'npm/checklist.md',
      line: lineOf(files, 'npm/checklist.md', 'localhost:8096'),
    });
  });

  it('81:81 published on all interfaces', () => {
    const files = plant(KIT_FILES.compose, (t) => t.replace("'192.168.1.10:81:81'", "'81:81'"));
    expect(found(files)).toContainEqual({
      code: 'kit-port-all-interfaces',
      path: 'compose.yaml',
      line: lineOf(files, 'compose.yaml', "'81:81'"),
    });
  });

  it('a DNS console on all interfaces', () => {
    const files = plant(KIT_FILES.compose, (t) => t.replace("'192.168.1.10:8080:80/tcp'", "'8080:80/tcp'"));
    expect(found(files).map((d) => d.code)).toEqual(['kit-port-all-interfaces']);
  });

  it('a different portal URL in one snippet', () => {
    const name = `npm/jellyfin.${profile.domain}.advanced.conf`;
    const files = plant(name, (t) => t.replace('https://auth.example.com', 'https://login.example.com'));
    expect(found(files)).toEqual([{ code: 'kit-portal-mismatch', path: name, line: 1 }]);
  });

  it('a different portal URL in the checklist', () => {
    const files = plant(KIT_FILES.npmChecklist, (t) =>
      t.replace('Portal: https://auth.example.com', 'Portal: https://sso.example.com'),
    );
    expect(found(files)).toEqual([
      { code: 'kit-portal-mismatch', path: 'npm/checklist.md', line: lineOf(files, 'npm/checklist.md', 'Portal:') },
    ]);
  });

  it('a service no rule names (it would fall to default_policy)', () => {
    const files = plant(KIT_FILES.autheliaConfig, (t) =>
      t.replace("        - 'jellyfin.example.com'\n", "        - 'other.example.com'\n"),
    );
    expect(found(files).map((d) => d.code)).toEqual(['kit-host-default-policy']);
  });

  it('a sensitive service with one login only', () => {
    const files = plant(KIT_FILES.autheliaConfig, (t) => t.replace("policy: 'two_factor'", "policy: 'one_factor'"));
    expect(found(files).map((d) => d.code)).toEqual(['kit-host-needs-2fa']);
  });

  it('a proxy host the internal DNS does not send to the proxy', () => {
    const files = plant('dns/pihole.toml', (t) =>
      t.replace('"192.168.1.10 jellyfin.example.com"', '"192.168.1.99 jellyfin.example.com"'),
    );
    expect(found(files)).toEqual([
      { code: 'kit-dns-not-proxy', path: 'dns/pihole.toml', line: lineOf(files, 'dns/pihole.toml', '192.168.1.99') },
    ]);
  });

  it("Headscale's URL swallowed by an internal wildcard", () => {
    const headscale = NAMED_PROFILES.headscale!;
    const files = generateFrontDoorKit(headscale.profile, { ...headscale.choices, dns: 'dnsmasq' }).files;
    expect(checkFrontDoorKit(files)).toEqual([]);
    // A whole-domain wildcard without the exception the DNS builder writes for Headscale's name.
    const planted = plant('dns/homelab-dnsmasq.conf', (t) => `${t}address=/example.com/192.168.1.10\n`, files);
    expect(found(planted).map((d) => d.code)).toEqual(['kit-headscale-swallowed']);
  });
});
