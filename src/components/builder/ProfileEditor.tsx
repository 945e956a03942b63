// The homelab profile editor: loaded when the reader opens "Set up / Edit your homelab profile" (see ProfilePanel),
// with the full profile check (LAN ranges through the Tailscale CLI's route rules).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { encodeShare } from '../../lib/core/share';
import {
  PROFILE_SCHEMA,
  profileFromDraft as fromDraft,
  profileToDraft as toDraft,
  type ProfileDraft as Draft,
} from '../../lib/profile/form';
import { defaultProfile, type Profile, type ProfileService } from '../../lib/profile/model';
import { validateProfile } from '../../lib/profile/validate';
import { DiagnosticsList } from './DiagnosticsList';
import { announce } from './announce';
import { copyToClipboard } from './download';
import { loadProfile, saveProfile, useProfile } from './profileStore';

interface Props {
  /** A profile to put in the editor (from a link), replacing what is there; `seq` changes for each new one. */
  seed?: { profile: Profile; seq: number };
}

/** The profile's fields, check, save, export, import and share link. */
export default function ProfileEditor({ seed }: Props) {
  const profile = useProfile();
  const [draft, setDraft] = useState<Draft>(() => toDraft(seed?.profile ?? loadProfile() ?? defaultProfile));
  const [message, setMessage] = useState<string | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  // Two builders on one page each show the panel: keep every id unique.
  const uid = useId();

  useEffect(() => {
    if (seed) setDraft(toDraft(seed.profile));
  }, [seed?.seq]);

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
    url.hash = `profile=${encodeShare(candidate, defaultProfile, PROFILE_SCHEMA)}`;
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
    <div class="profile-editor-body" ref={root}>
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
            {text(u.username, (username) => setUser(i, { username }), `${uid}-pf-u${i}-name`, 'Username', `users[${i}].username`)}
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
    </div>
  );
}
