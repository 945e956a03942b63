// Finding your way in a long guide, for guide pages only (pages with a table of contents): a link anchor on each
// section heading, the contents entry of the section in view marked, and on narrow screens (where the contents are
// not beside the text) a bar at the top naming the current section and leading back to the contents. Everything is
// made here, so the guides' HTML carries none of it (their byte budget has no room).
const toc = document.querySelector<HTMLElement>('.toc');
const headings = [...document.querySelectorAll<HTMLHeadingElement>('.prose :is(h2, h3)[id]')];

if (toc && headings.length > 0) {
  for (const heading of headings) {
    const anchor = document.createElement('a');
    anchor.className = 'heading-anchor';
    anchor.href = `#${heading.id}`;
    anchor.innerHTML = '<span aria-hidden="true">#</span><span class="sr-only">Link to this section</span>';
    heading.append(anchor);
  }

  const entries = new Map<string, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) entries.set(link.hash.slice(1), link);

  const bar = document.createElement('div');
  bar.className = 'section-bar';
  bar.hidden = true;
  const barLink = document.createElement('a');
  barLink.href = '#toc-title';
  bar.append(barLink);
  toc.before(bar);

  let current: HTMLHeadingElement | undefined;
  let queued = false;
  const update = () => {
    queued = false;
    // The section in view: the last heading above the top fifth of the window.
    const line = window.innerHeight / 5;
    let found: HTMLHeadingElement | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top > line) break;
      found = heading;
    }
    bar.hidden = !found || toc.getBoundingClientRect().bottom > 0;
    if (found === current) return;
    entries.get(current?.id ?? '')?.removeAttribute('aria-current');
    current = found;
    if (!found) return;
    entries.get(found.id)?.setAttribute('aria-current', 'location');
    barLink.textContent = `On this page: ${entries.get(found.id)?.textContent ?? ''}`;
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(update);
    queued = true;
  };
  addEventListener('scroll', queue, { passive: true });
  addEventListener('resize', queue);
  update();
}
