import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { readFragment } from '../../lib/core/share';

interface Props {
  /** What the builder makes, for the button and the sentence above it. */
  title: string;
  summary: string;
  /** The builder's share-link parameter: a link that carries its state opens it at once. */
  fragment: string;
  load: () => Promise<{ default: ComponentType }>;
}

/**
 * A second builder on a page, loaded when the reader asks for it. A page's first builder loads with the page; a
 * further one would double its script, so it waits behind a button (or opens at once for a share link meant for it).
 */
export function OnDemand({ title, summary, fragment, load }: Props) {
  const [Builder, setBuilder] = useState<ComponentType | undefined>();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useRef(false);

  const open = (focus: boolean) => {
    focusAfter.current = focus;
    setState('loading');
    load().then(
      (m) => setBuilder(() => m.default),
      () => setState('failed'),
    );
  };

  useEffect(() => {
    if (readFragment(window.location.hash, fragment)) open(false);
  }, []);

  // The button disappears when the builder arrives: move focus to the builder so keyboard users keep their place.
  useEffect(() => {
    if (Builder && focusAfter.current) root.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [Builder]);

  if (Builder)
    return (
      <div ref={root}>
        <Builder />
      </div>
    );
  return (
    <div class="builder builder-on-demand" data-pagefind-ignore="all">
      <p>{summary}</p>
      <button type="button" onClick={() => open(true)} disabled={state === 'loading'} aria-busy={state === 'loading'}>
        {state === 'loading' ? `Loading the ${title}…` : `Open the ${title}`}
      </button>
      {state === 'failed' && <p role="alert">The builder could not be loaded. Check the connection and try again.</p>}
    </div>
  );
}
