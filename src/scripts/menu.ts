// The phone menu: the header's button opens a dialog with the site's links and, on a guide page, the list of guides
// (copies of the header navigation and the sidebar, which on phones sits below the article). A modal dialog keeps
// focus inside while open, closes on Escape and gives focus back to the button.
const menuButton = document.querySelector<HTMLButtonElement>('[data-menu-open]');
let dialog: HTMLDialogElement | undefined;

function build(): HTMLDialogElement {
  const created = document.createElement('dialog');
  created.className = 'menu-dialog';
  created.setAttribute('aria-label', 'Menu');
  created.dataset.pagefindIgnore = 'all';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'search-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => created.close());
  created.append(close);
  const site = document.querySelector('.header-nav');
  if (site) created.append(site.cloneNode(true));
  const guides = document.getElementById('guide-nav')?.cloneNode(true) as HTMLElement | undefined;
  if (guides) {
    guides.removeAttribute('id');
    created.append(guides);
  }
  // A tap on the backdrop (outside the panel) closes the menu too.
  created.addEventListener('click', (event) => {
    if (event.target === created) created.close();
  });
  created.addEventListener('close', () => {
    menuButton?.setAttribute('aria-expanded', 'false');
    menuButton?.focus();
  });
  document.body.append(created);
  return created;
}

if (menuButton) {
  menuButton.hidden = false;
  menuButton.addEventListener('click', () => {
    dialog ??= build();
    dialog.showModal();
    (dialog.querySelector<HTMLElement>('.guide-nav [aria-current]') ?? dialog.querySelector('a'))?.focus();
    menuButton.setAttribute('aria-expanded', 'true');
  });
}
