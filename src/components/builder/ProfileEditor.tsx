// The homelab profile editor: loaded when the reader opens "Set up / Edit your homelab profile" (see ProfilePanel),
// with the full profile check (LAN ranges through the Tailscale CLI's route rules).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Diagnostic } from '../../lib/core';
import { encodeShare } from '../../lib/core/share';
import { applyFieldFix } from '../../lib/builders/spec';
import {
  PROFILE_CHOICES,
  PROFILE_SCHEMA,
  profileFromDraft as fromDraft,
  profileToDraft as toDraft,
  type ProfileDraft as Draft,
} from '../../lib/profile/form';
import { linkedProfilePending } from '../../lib/profile/link';
import { defaultProfile, type Profile, type ProfileService } from '../../lib/profile/model';
import { validateProfile } from '../../lib/profile/validate';
import { DiagnosticsList } from './DiagnosticsList';
import { BuilderFields, CheckboxInput, fieldId, SelectInput, TextInput, type FieldSource } from './fields';
import { rowList } from './rows';
import { announce } from './announce';
import { copyToClipboard } from './download';
import { loadProfile, saveProfile, useProfile } from './profileStore';

/** Where the editor's draft stands: whether it passes the profile check, and whether it differs from the saved profile. */
export interface DraftStatus {
  valid: boolean;
  unsaved: boolean;
}

export interface EditorProps {
  /** A profile to put in the editor (from a link), replacing what is there; `seq` changes for each new one. */
  seed?: { profile: Profile; seq: number };
  /** Told whenever the draft's status changes (the kit page holds its download while the draft has errors). */
  onStatus?: (status: DraftStatus) => void;
  /** Messages a page adds to the profile's fields (the kit's own checks of the saved profile), by field path. */
  extraMessages?: (path: string) => Diagnostic[];
}

/** The profile's fields, check, save, export, import and share link. */
export default function ProfileEditor({ seed, onStatus, extraMessages }: EditorProps) {
  const profile = useProfile();
  const [draft, setDraft] = useState<Draft>(() => toDraft(seed?.profile ?? loadProfile() ?? defaultProfile));
  const [message, setMessage] = useState<string | undefined>();
  // The draft came from a link: builders follow only the saved profile, so it is not applied until saved.
  const [fromLink, setFromLink] = useState(seed !== undefined);
  const root = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  // Two builders on one page each show the panel: keep every id unique.
  const uid = useId();

  useEffect(() => {
    if (!seed) return;
    setDraft(toDraft(seed.profile));
    setFromLink(true);
  }, [seed?.seq]);

  // A profile saved elsewhere (the other panel on this page, another tab) shows up here too, unless the reader is
  // looking at one from a link that is not saved yet.
  useEffect(() => {
    if (profile && !fromLink) setDraft(toDraft(profile));
  }, [profile]);

  const candidate = fromDraft(draft);
  const check = validateProfile(candidate);
  const pending = fromLink && linkedProfilePending(candidate, profile);
  const unsaved = JSON.stringify(candidate) !== JSON.stringify(profile);

  useEffect(() => {
    onStatus?.({ valid: check.valid, unsaved });
  }, [check.valid, unsaved]);

  const save = () => {
    if (!check.valid) {
      announce('The profile has errors; fix the fields listed under it');
      return;
    }
    saveProfile(candidate);
    setFromLink(false);
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

  const source: FieldSource = {
    state: draft as unknown as Record<string, unknown>,
    choices: PROFILE_CHOICES,
    set: (path, value) => setDraft((d) => ({ ...d, [path]: value })),
    messagesFor: (path) => {
      const own = check.diagnostics.filter((d) => d.path === path);
      const added = (extraMessages?.(path) ?? []).filter((d) => !own.some((o) => o.code === d.code && o.message === d.message));
      return [...own, ...added];
    },
    fix: (diagnostic) => {
      const next = applyFieldFix(draft, diagnostic);
      if (next) setDraft(next);
      return next !== undefined;
    },
  };
  const prefix = `${uid}-pf`;
  const setService = (i: number, patch: Partial<ProfileService>) =>
    setDraft((d) => ({ ...d, services: d.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const setUser = (i: number, patch: Partial<Draft['users'][number]>) =>
    setDraft((d) => ({ ...d, users: d.users.map((u, j) => (j === i ? { ...u, ...patch } : u)) }));
  const services = rowList<ProfileService>({
    count: draft.services.length,
    update: (change) => setDraft((d) => ({ ...d, services: change(d.services) })),
    noun: 'Service',
    blank: () => ({ name: '', subdomain: '', upstream: `${draft.serverIp}:80`, sensitive: false, websockets: false }),
    focusId: (i) => fieldId(prefix, `services[${i}].name`),
    addId: `${prefix}-add-service`,
  });
  const users = rowList<Draft['users'][number]>({
    count: draft.users.length,
    update: (change) => setDraft((d) => ({ ...d, users: change(d.users) })),
    noun: 'User',
    blank: () => ({ username: '', displayname: '', email: '', groups: '' }),
    focusId: (i) => fieldId(prefix, `users[${i}].username`),
    addId: `${prefix}-add-user`,
  });

  return (
    <div class="profile-editor-body" ref={root}>
      {pending && (
        <p class="state-notice" data-linked-profile>
          This profile came from a link and is <strong>not applied yet</strong>: the builders still use{' '}
          {profile ? `your saved profile (${profile.domain})` : 'their defaults'}. Check it, then save it to fill them in.{' '}
          <button type="button" onClick={save}>
            Save and apply this profile
          </button>
        </p>
      )}
      <BuilderFields source={source} prefix={prefix}>
        <div class="builder-row">
          <TextInput path="domain" label="Base domain" hint="A domain you own, e.g. example.com" />
          <TextInput path="lanCidrs" label="LAN ranges" hint="Comma-separated, e.g. 192.168.1.0/24" />
          <TextInput path="serverIp" label="Server LAN IP" />
          <SelectInput path="coordination" label="Coordination server" />
          {draft.coordination === 'headscale' && <TextInput path="headscaleUrl" label="Headscale URL" />}
        </div>
        <fieldset class="profile-group">
          <legend>Services</legend>
          {draft.services.map((s, i) => (
            <div class="profile-row" data-path={`services[${i}]`}>
              <TextInput path={`services[${i}].name`} label="Name" value={s.name} onInput={(name) => setService(i, { name })} />
              <TextInput
                path={`services[${i}].subdomain`}
                label="Subdomain"
                value={s.subdomain}
                onInput={(subdomain) => setService(i, { subdomain })}
              />
              <TextInput
                path={`services[${i}].upstream`}
                label="Upstream host:port"
                value={s.upstream}
                onInput={(upstream) => setService(i, { upstream })}
              />
              <CheckboxInput
                path={`services[${i}].sensitive`}
                label="Sensitive (2FA)"
                checked={s.sensitive}
                onChange={(sensitive) => setService(i, { sensitive })}
              />
              <CheckboxInput
                path={`services[${i}].websockets`}
                label="WebSockets"
                checked={s.websockets}
                onChange={(websockets) => setService(i, { websockets })}
              />
              <button type="button" class="danger" onClick={() => services.remove(i)}>
                Remove <span class="sr-only">service {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" id={`${prefix}-add-service`} onClick={services.add}>
            Add service
          </button>
        </fieldset>
        <fieldset class="profile-group">
          <legend>Users</legend>
          {draft.users.map((u, i) => (
            <div class="profile-row" data-path={`users[${i}]`}>
              <TextInput
                path={`users[${i}].username`}
                label="Username"
                value={u.username}
                onInput={(username) => setUser(i, { username })}
              />
              <TextInput
                path={`users[${i}].displayname`}
                label="Display name"
                value={u.displayname}
                onInput={(displayname) => setUser(i, { displayname })}
              />
              <TextInput path={`users[${i}].email`} label="Email" value={u.email} onInput={(email) => setUser(i, { email })} />
              <TextInput
                path={`users[${i}].groups`}
                label="Groups"
                value={u.groups}
                onInput={(groups) => setUser(i, { groups })}
              />
              <button type="button" class="danger" onClick={() => users.remove(i)}>
                Remove <span class="sr-only">user {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" id={`${prefix}-add-user`} onClick={users.add}>
            Add user
          </button>
        </fieldset>
      </BuilderFields>
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
