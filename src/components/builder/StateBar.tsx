import { useState } from 'preact/hooks';
import { announce } from './announce';
import { copyToClipboard } from './download';
import type { BuilderState } from './useBuilderState';

/** The parts of a builder's state the bar drives; any builder's state fits, whatever its fields. */
export type StateControls = Pick<BuilderState<object>, 'notice' | 'shareLink' | 'reset' | 'keepSecrets' | 'setKeepSecrets'>;

interface Props {
  builder: StateControls;
  /** Shown beside the opt-in when the builder holds secrets. */
  hasSecrets?: boolean;
  /** False hides "Copy share link" while a link would carry nothing (every shareable field at its default). */
  canShare?: boolean;
}

/** Share link, reset, and the opt-in to remember secrets on this device. */
export function StateBar({ builder, hasSecrets = false, canShare = true }: Props) {
  const [link, setLink] = useState<string | undefined>();
  const share = async () => {
    const href = builder.shareLink();
    setLink(href);
    const ok = await copyToClipboard(href);
    announce(ok ? 'Share link copied' : 'Share link ready below; copy it by hand');
  };
  return (
    <div class="state-bar">
      {builder.notice && (
        <p class="state-notice" role="alert">
          {builder.notice} The builder shows its defaults instead.
        </p>
      )}
      <div class="state-actions">
        {canShare && (
          <button type="button" onClick={share}>
            Copy share link
          </button>
        )}
        <button type="button" onClick={builder.reset}>
          Reset
        </button>
        {hasSecrets && (
          <label class="state-keep">
            <input
              type="checkbox"
              checked={builder.keepSecrets}
              onChange={(e) => builder.setKeepSecrets((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            Remember secrets on this device
          </label>
        )}
      </div>
      {link && (
        <p class="state-link">
          <label>
            Share link (contains no secrets):{' '}
            <input type="text" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          </label>
        </p>
      )}
    </div>
  );
}
