import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { decodeShare, encodeShare, readFragment } from '../../lib/core/share';
import { defaultProfile, validateProfile, type Profile, type ProfileService, type ProfileUser } from '../../lib/profile';
import { DiagnosticsList } from './DiagnosticsList';
import { announce } from './announce';
import { copyToClipboard } from './download';
import { loadProfile, saveProfile, useProfile } from './profileStore';
import type { ProfileStatus } from './useBuilderState';

interface Props {
  /** The builder's own sync status and re-sync action (omit on pages without a builder). */
  status?: ProfileStatus;
  onResync?: () => void;
}

// Profiles hold no secrets, but the schema still strips nothing: everything in it is shareable.
const SCHEMA = { version: 1, secretKeys: [] };

interface Draft {
  domain: string;
  lanCidrs: string;
  serverIp: string;
  coordination: Profile['coordination'];
  headscaleUrl: string;
  services: ProfileService[];
  users: (Omit<ProfileUser, 'groups'> & { groups: string })[];
}

const toDraft = (p: Profile): Draft => ({
  domain: p.domain,
  lanCidrs: p.lanCidrs.join(', '),
  serverIp: p.serverIp,
  coordination: p.coordination,
  headscaleUrl: p.headscaleUrl,
  services: p.services.map((s) => ({ ...s })),
  users: p.users.map((u) => ({ ...u, groups: u.groups.join(', ') })),
});

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const fromDraft = (d: Draft): Profile => ({
  version: 1,
  domain: d.domain.trim(),
  lanCidrs: list(d.lanCidrs),
  serverIp: d.serverIp.trim(),
  coordination: d.coordination,
  headscaleUrl: d.headscaleUrl.trim(),
  services: d.services.map((s) => ({ ...s, name: s.name.trim(), subdomain: s.subdomain.trim(), upstream: s.upstream.trim() })),
  users: d.users.map((u) => ({
    username: u.username.trim(),
    displayname: u.displayname.trim(),
    email: u.email.trim(),
    groups: list(u.groups),
  })),
});

const STATUS_TEXT: Record<ProfileStatus, string> = {
  none: 'No homelab profile saved yet: type your domain, LAN and services once and every builder fills itself in.',
  synced: 'This builder is filled in from your homelab profile.',
  manual: 'You edited this builder by hand, so profile changes no longer reach it.',
};

/** The homelab profile: shown at the top of every builder, editable in place, exported, imported and shared. */
export function ProfilePanel({ status = 'none', onResync }: Props) {
  const profile = useProfile();
  const [draft, setDraft] = useState<Draft>(toDraft(defaultProfile));
  const [shared, setShared] = useState<Profile | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const root = useRef<HTMLDetailsElement>(null);
  const file = useRef<HTMLInputElement>(null);
  // Two builders on one page each show the panel: keep every id unique.
  const uid = useId();

  useEffect(() => {
    const saved = loadProfile();
    if (saved) setDraft(toDraft(saved));
    const link = readFragment(window.location.hash, 'profile');
    if (link) {
      const decoded = decodeShare(link, defaultProfile, SCHEMA);
      if (decoded.ok && validateProfile(decoded.state).valid) setShared(decoded.state);
    }
  }, []);

  // A profile saved elsewhere (the other panel on this page, another tab) shows up here too.
  useEffect(() => {
    if (profile) setDraft(toDraft(profile));
  }, [profile]);

  const candidate = fromDraft(draft);
  const check = validateProfile(candidate);

  const save = () => {
    if (!check.valid) {
      announce('The profile has errors; fix the fields listed under it');
      return;
    }
    saveProfile(candidate);
    setMessage('Profile saved. Builders that follow it have been updated.');
    announce('Profile saved');
  };

  const exportJson = () => {
    const blob = new Blob([`${JSON.stringify(candidate, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'homelab-profile.json';
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importJson = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    try {
      const value: unknown = JSON.parse(await chosen.text());
      const result = validateProfile(value);
      if (!result.valid) {
        setMessage(`That file is not a valid profile: ${result.diagnostics.find((d) => d.severity === 'error')?.message ?? ''}`);
        return;
      }
      setDraft(toDraft(value as Profile));
      setMessage('Profile loaded from the file. Check it, then save it.');
    } catch {
      setMessage('That file is not JSON; export a profile from this site to get the right format.');
    }
  };

  const share = async () => {
    const url = new URL(window.location.href);
    url.hash = `profile=${encodeShare(candidate, defaultProfile, SCHEMA)}`;
    const ok = await copyToClipboard(url.href);
    setMessage(ok ? 'A link to this profile is on your clipboard. It holds no secrets.' : url.href);
    announce(ok ? 'Profile link copied' : 'Profile link shown below');
  };

  const text = (value: string, set: (v: string) => void, id: string, label: string, path: string, hint?: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        data-path={path}
        value={value}
        spellcheck={false}
        autocomplete="off"
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
      {hint && <p class="field-hint">{hint}</p>}
    </div>
  );
  const setService = (i: number, patch: Partial<ProfileService>) =>
    setDraft((d) => ({ ...d, services: d.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const setUser = (i: number, patch: Partial<Draft['users'][number]>) =>
    setDraft((d) => ({ ...d, users: d.users.map((u, j) => (j === i ? { ...u, ...patch } : u)) }));

  return (
    <div class="profile-panel">
      <p class="profile-status" role="status">
        {profile
          ? `Profile: ${profile.domain}, ${profile.services.length} service${profile.services.length === 1 ? '' : 's'}. `
          : ''}
        {STATUS_TEXT[profile ? status : 'none']}{' '}
        {status === 'manual' && onResync && (
          <button type="button" onClick={onResync}>
            Re-sync with profile
          </button>
        )}
      </p>
      {shared && (
        <p class="state-notice">
          This link carries a homelab profile for {shared.domain}.{' '}
          <button
            type="button"
            onClick={() => {
              setDraft(toDraft(shared));
              setShared(undefined);
              if (root.current) root.current.open = true;
            }}
          >
            Load it into the editor
          </button>
        </p>
      )}
      <details class="profile-editor" ref={root}>
        <summary>{profile ? 'Edit your homelab profile' : 'Set up your homelab profile'}</summary>
        <div class="builder-row">
          {text(
            draft.domain,
            (domain) => setDraft((d) => ({ ...d, domain })),
            `${uid}-pf-domain`,
            'Base domain',
            'domain',
            'A domain you own, e.g. example.com',
          )}
          {text(
            draft.lanCidrs,
            (lanCidrs) => setDraft((d) => ({ ...d, lanCidrs })),
            `${uid}-pf-lan`,
            'LAN ranges',
            'lanCidrs',
            'Comma-separated, e.g. 192.168.1.0/24',
          )}
          {text(draft.serverIp, (serverIp) => setDraft((d) => ({ ...d, serverIp })), `${uid}-pf-ip`, 'Server LAN IP', 'serverIp')}
          <div class="field">
            <label for={`${uid}-pf-coord`}>Coordination server</label>
            <select
              id={`${uid}-pf-coord`}
              data-path="coordination"
              value={draft.coordination}
              onChange={(e) =>
                setDraft((d) => ({ ...d, coordination: (e.currentTarget as HTMLSelectElement).value as Draft['coordination'] }))
              }
            >
              <option value="tailscale">Tailscale</option>
              <option value="headscale">Headscale (self-hosted)</option>
            </select>
          </div>
          {draft.coordination === 'headscale' &&
            text(
              draft.headscaleUrl,
              (headscaleUrl) => setDraft((d) => ({ ...d, headscaleUrl })),
              `${uid}-pf-hs`,
              'Headscale URL',
              'headscaleUrl',
            )}
        </div>
        <fieldset class="profile-group">
          <legend>Services</legend>
          {draft.services.map((s, i) => (
            <div class="profile-row" data-path={`services[${i}]`}>
              {text(s.name, (name) => setService(i, { name }), `${uid}-pf-s${i}-name`, 'Name', `services[${i}].name`)}
              {text(
                s.subdomain,
                (subdomain) => setService(i, { subdomain }),
                `${uid}-pf-s${i}-sub`,
                'Subdomain',
                `services[${i}].subdomain`,
              )}
              {text(
                s.upstream,
                (upstream) => setService(i, { upstream }),
                `${uid}-pf-s${i}-up`,
                'Upstream host:port',
                `services[${i}].upstream`,
              )}
              <label class="state-keep">
                <input
                  type="checkbox"
                  checked={s.sensitive}
                  onChange={(e) => setService(i, { sensitive: (e.currentTarget as HTMLInputElement).checked })}
                />{' '}
                Sensitive (2FA)
              </label>
              <label class="state-keep">
                <input
                  type="checkbox"
                  checked={s.websockets}
                  onChange={(e) => setService(i, { websockets: (e.currentTarget as HTMLInputElement).checked })}
                />{' '}
                WebSockets
              </label>
              <button
                type="button"
                class="danger"
                onClick={() => setDraft((d) => ({ ...d, services: d.services.filter((_, j) => j !== i) }))}
              >
                Remove <span class="sr-only">service {i + 1}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                services: [
                  ...d.services,
                  { name: '', subdomain: '', upstream: `${d.serverIp}:80`, sensitive: false, websockets: false },
                ],
              }))
            }
          >
            Add service
          </button>
        </fieldset>
        <fieldset class="profile-group">
          <legend>Users</legend>
          {draft.users.map((u, i) => (
            <div class="profile-row" data-path={`users[${i}]`}>
              {text(
                u.username,
                (username) => setUser(i, { username }),
                `${uid}-pf-u${i}-name`,
                'Username',
                `users[${i}].username`,
              )}
              {text(
                u.displayname,
                (displayname) => setUser(i, { displayname }),
                `${uid}-pf-u${i}-display`,
                'Display name',
                `users[${i}].displayname`,
              )}
              {text(u.email, (email) => setUser(i, { email }), `${uid}-pf-u${i}-email`, 'Email', `users[${i}].email`)}
              {text(u.groups, (groups) => setUser(i, { groups }), `${uid}-pf-u${i}-groups`, 'Groups', `users[${i}].groups`)}
              <button
                type="button"
                class="danger"
                onClick={() => setDraft((d) => ({ ...d, users: d.users.filter((_, j) => j !== i) }))}
              >
                Remove <span class="sr-only">user {i + 1}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setDraft((d) => ({ ...d, users: [...d.users, { username: '', displayname: '', email: '', groups: '' }] }))
            }
          >
            Add user
          </button>
        </fieldset>
        <DiagnosticsList diagnostics={check.diagnostics} root={() => root.current} />
        <div class="state-actions">
          <button type="button" onClick={save}>
            Save profile
          </button>
          <button type="button" onClick={exportJson}>
            Export JSON
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            Import JSON
          </button>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            class="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={importJson}
          />
          <button type="button" onClick={share}>
            Copy profile link
          </button>
        </div>
        {message && <p class="profile-message">{message}</p>}
      </details>
    </div>
  );
}
