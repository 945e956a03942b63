import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { holdLinkTarget } from './holdLinkTarget';

// Every island renders this, so the first island on a page to load its code starts holding the section the page's link
// points at (the #fragment) in place while the islands above it appear (see holdLinkTarget.ts). It runs when the
// module is evaluated, before that island's first render, so no frame shows the section pushed down.
holdLinkTarget();

interface Props {
  /** Unique per builder on a page: the prefix of the heading's id. */
  id: string;
  /** The heading above the output, e.g. "Your commands". */
  title: string;
  /** The output panel and what belongs with it. */
  children: ComponentChildren;
}

/**
 * A builder's output, placed as a direct child of the island's `.builder` element where its heading and panel were.
 * The shared layout (src/styles/builder-layout.css) puts it beside everything else in the builder where the page has
 * the room, sticky, so it stays in view while the reader works down the form. On narrow screens it follows the form,
 * and the "Output" button before it rides at the bottom of the screen while the form is in view: it moves the keyboard
 * focus to the output's heading, and "Back to the form" under the output returns to the field the reader was in.
 */
export function BuilderOutput({ id, title, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const lastField = useRef<HTMLElement | null>(null);
  const headingId = `${id}-output-heading`;

  useEffect(() => {
    const builder = heading.current?.closest('.builder');
    if (!builder) return;
    const remember = (event: Event) => {
      const target = event.target as HTMLElement;
      if (target.matches('input, select, textarea')) lastField.current = target;
    };
    builder.addEventListener('focusin', remember);
    return () => builder.removeEventListener('focusin', remember);
  }, []);

  const back = () => {
    const field = lastField.current?.isConnected
      ? lastField.current
      : heading.current?.closest('.builder')?.querySelector<HTMLElement>('input, select, textarea');
    field?.focus();
  };

  return (
    <>
      <p class="builder-jump">
        <button type="button" aria-describedby={headingId} onClick={() => heading.current?.focus()}>
          <span class="sr-only">Jump to the </span>Output <span aria-hidden="true">↓</span>
        </button>
      </p>
      <div class="builder-output">
        <h3 class="builder-heading" id={headingId} tabIndex={-1} ref={heading}>
          {title}
        </h3>
        {children}
        <p class="builder-back">
          <button type="button" onClick={back}>
            <span aria-hidden="true">↑</span> Back to the form
          </button>
        </p>
      </div>
    </>
  );
}
