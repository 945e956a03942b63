// The homelab profile panel at the top of every builder: where the builder stands with the profile, a notice for a
// profile that came by link, and the editor, which loads when opened (it carries the full profile check).
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { decodeShare, readFragment } from '../../lib/core/share';
import { PROFILE_SCHEMA } from '../../lib/profile/form';
import { defaultProfile, isProfileShape, type Profile } from '../../lib/profile/model';
import { useProfile } from './profileStore';
import type { EditorProps } from './ProfileEditor';
import type { ProfileStatus } from './useBuilderState';

interface Props {
  /** The builder's own sync status and re-sync action (omit on pages without a builder). */
  status?: ProfileStatus;
  onResync?: () => void;
  /** For a page built on the profile (the kit): the editor opens from the start and gets these props. */
  editor?: Omit<EditorProps, 'seed'>;
}

const STATUS_TEXT: Record<ProfileStatus, string> = {
  none: 'No homelab profile saved yet: type your domain, LAN and services once and every builder fills itself in.',
  synced: 'This builder is filled in from your homelab profile.',
  manual: 'You edited this builder by hand, so profile changes no longer reach it.',
};

type Seed = { profile: Profile; seq: number };
type EditorModule = { default: ComponentType<EditorProps> };

/** The homelab profile: shown at the top of every builder, editable in place, exported, imported and shared. */
export function ProfilePanel({ status = 'none', onResync, editor }: Props) {
  const profile = useProfile();
  const [shared, setShared] = useState<Profile | undefined>();
  const [seed, setSeed] = useState<Seed | undefined>();
  const [Editor, setEditor] = useState<EditorModule['default'] | undefined>();
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const link = readFragment(window.location.hash, 'profile');
    if (link) {
      const decoded = decodeShare(link, defaultProfile, PROFILE_SCHEMA);
      if (decoded.ok && isProfileShape(decoded.state)) setShared(decoded.state);
    }
    if (editor) loadEditor();
  }, []);

  const loadEditor = () => {
    if (Editor) return;
    setFailed(false);
    import('./ProfileEditor').then(
      (m: EditorModule) => setEditor(() => m.default),
      () => setFailed(true),
    );
  };

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
          This link carries a homelab profile for {shared.domain}. It is not applied until you save it.{' '}
          <button
            type="button"
            onClick={() => {
              setSeed((s) => ({ profile: shared, seq: (s?.seq ?? 0) + 1 }));
              setShared(undefined);
              if (root.current) root.current.open = true;
              loadEditor();
            }}
          >
            Load it into the editor
          </button>
        </p>
      )}
      <details
        class="profile-editor"
        ref={root}
        open={!!editor}
        onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && loadEditor()}
      >
        <summary>{profile ? 'Edit your homelab profile' : 'Set up your homelab profile'}</summary>
        {Editor ? (
          <Editor seed={seed} {...editor} />
        ) : failed ? (
          <p role="alert">
            The profile editor could not be loaded. Check the connection, then close and open this section again.
          </p>
        ) : (
          <p class="field-hint">Loading the profile editor…</p>
        )}
      </details>
    </div>
  );
}
