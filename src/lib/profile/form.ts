/**
 * The profile editor's form: the profile with its lists as text, and back. The editor keeps the text exactly as
 * typed; only the profile built from it is trimmed and split.
 */
import type { Choice } from '../builders/spec';
import { joinList, splitList, splitWords } from '../core/list';
import type { StateSchema } from '../core/share';
import type { Profile, ProfileService, ProfileUser } from './model';

/** Share links (`#profile=v1.…`) of the profile: it holds no secrets. */
export const PROFILE_SCHEMA: StateSchema = { version: 1, secretKeys: [] };

/** The profile's choice fields with the words a reader sees. */
export const PROFILE_CHOICES: Readonly<Record<string, readonly Choice[]>> = {
  coordination: [
    { value: 'tailscale', label: 'Tailscale' },
    { value: 'headscale', label: 'Headscale (self-hosted)' },
  ],
};

export interface ProfileDraft {
  domain: string;
  /** Network ranges separated by commas or spaces. */
  lanCidrs: string;
  serverIp: string;
  coordination: Profile['coordination'];
  headscaleUrl: string;
  services: ProfileService[];
  /** Groups separated by commas, the rule of every groups field. */
  users: (Omit<ProfileUser, 'groups'> & { groups: string })[];
}

export function profileToDraft(profile: Profile): ProfileDraft {
  return {
    domain: profile.domain,
    lanCidrs: joinList(profile.lanCidrs),
    serverIp: profile.serverIp,
    coordination: profile.coordination,
    headscaleUrl: profile.headscaleUrl,
    services: profile.services.map((service) => ({ ...service })),
    users: profile.users.map((user) => ({ ...user, groups: joinList(user.groups) })),
  };
}

export function profileFromDraft(draft: ProfileDraft): Profile {
  return {
    version: 1,
    domain: draft.domain.trim(),
    lanCidrs: splitWords(draft.lanCidrs),
    serverIp: draft.serverIp.trim(),
    coordination: draft.coordination,
    headscaleUrl: draft.headscaleUrl.trim(),
    services: draft.services.map((service) => ({
      ...service,
      name: service.name.trim(),
      subdomain: service.subdomain.trim(),
      upstream: service.upstream.trim(),
    })),
    users: draft.users.map((user) => ({
      username: user.username.trim(),
      displayname: user.displayname.trim(),
      email: user.email.trim(),
      groups: splitList(user.groups),
    })),
  };
}
