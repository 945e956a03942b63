// The homelab profile in this browser: one localStorage entry shared by every builder, with an
// event so open builders update at once (and a storage listener for other tabs).
import { useEffect, useState } from 'preact/hooks';
import { isProfileShape, type Profile } from '../../lib/profile/model';

export const PROFILE_KEY = 'homelab-profile';
const EVENT = 'homelab-profile-change';

export function loadProfile(): Profile | undefined {
  try {
    const raw = localStorage.getItem(PROFILE_KEY);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    // Only profiles that passed the full check are saved (see ProfileEditor); reading back checks the shape, so a
    // stale or hand-edited entry can never break a builder, and the full check loads only with the editor.
    return isProfileShape(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveProfile(profile: Profile | undefined): void {
  try {
    if (profile) localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    else localStorage.removeItem(PROFILE_KEY);
  } catch {
    // Storage disabled: the profile still applies to the builders on this page.
  }
  window.dispatchEvent(new CustomEvent<Profile | undefined>(EVENT, { detail: profile }));
}

/** The saved profile, kept current when it changes in this page or another tab. */
export function useProfile(): Profile | undefined {
  const [profile, setProfile] = useState<Profile | undefined>(undefined);
  useEffect(() => {
    setProfile(loadProfile());
    const onChange = (event: Event) => setProfile((event as CustomEvent<Profile | undefined>).detail);
    const onStorage = (event: StorageEvent) => {
      if (event.key === PROFILE_KEY) setProfile(loadProfile());
    };
    window.addEventListener(EVENT, onChange);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(EVENT, onChange);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return profile;
}
