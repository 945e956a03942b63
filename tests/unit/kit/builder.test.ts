import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../../src/lib/checklist';
import { encodeShare } from '../../../src/lib/core/share';
import { defaultKitChoices, generateFrontDoorKit, kitBuilder, KIT_CHOICES, KIT_DNS_CHOICES } from '../../../src/lib/kit';
import { defaultProfile } from '../../../src/lib/profile';
import { NAMED_PROFILES } from './profiles';

describe('kitBuilder', () => {
  it('generates the default kit from its defaults with no error', () => {
    const result = kitBuilder.generate(kitBuilder.toInput(kitBuilder.defaults));
    expect(result.files.length).toBeGreaterThan(0);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('fills fields a hand-made link spelled with the wrong type, keeping the rest as typed', () => {
    const input = kitBuilder.toInput({
      profile: { nonsense: true } as never,
      choices: { redis: 'yes', dns: 'unbound', tunnel: 3, secrets: 'server', secretsDelivery: 'env' } as never,
    });
    expect(input.profile).toEqual(defaultProfile);
    expect(input.choices).toEqual({ ...defaultKitChoices, dns: 'unbound', secretsDelivery: 'env' });
  });

  it('takes the profile from the profile editor and keeps the choices', () => {
    const { profile } = NAMED_PROFILES['family with two groups']!;
    const current = { profile: defaultProfile, choices: { ...defaultKitChoices, redis: true } };
    expect(kitBuilder.fromProfile!(profile, current)).toEqual({ profile, choices: current.choices });
  });

  it('never puts opted-in secrets or digests into a share link', () => {
    const state = {
      ...kitBuilder.defaults,
      inlineSecrets: { AUTHELIA_SESSION_SECRET: 'x'.repeat(64) },
      passwordHashes: { ana: '$argon2id$…' },
    };
    const link = encodeShare(state, kitBuilder.defaults, kitBuilder.schema);
    expect(Buffer.from(link.split('.')[1]!, 'base64url').toString()).toBe('{}');
  });

  it('labels every DNS choice', () => {
    expect(KIT_CHOICES.dns.map((c) => c.value)).toEqual([...KIT_DNS_CHOICES]);
  });
});

describe('README.md', () => {
  it('follows the printable checklist: one section per step, in its order', () => {
    const readme = generateFrontDoorKit(defaultProfile, defaultKitChoices).files.find((f) => f.name === 'README.md')!.content;
    const headings = readme.split('\n').filter((l) => l.startsWith('## Step'));
    expect(headings).toEqual(CHECKLIST.map((step) => `## ${step.title}`));
  });

  it('tells the reader to put an app reached by container name on the kit network', () => {
    const { profile, choices } = NAMED_PROFILES['family with two groups']!;
    const readme = generateFrontDoorKit(profile, choices).files.find((f) => f.name === 'README.md')!.content;
    expect(readme).toContain('jellyfin is reached by container name');
    expect(readme).not.toContain('10.0.0.2 is reached by container name');
  });

  it('lists every file of the kit', () => {
    const { files } = generateFrontDoorKit(defaultProfile, defaultKitChoices);
    const readme = files.find((f) => f.name === 'README.md')!.content;
    for (const file of files) expect(readme).toContain(`\`${file.name}\``);
  });
});
