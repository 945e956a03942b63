// Adds a copy button to every highlighted code block. The result is announced through
// the page's polite live region so screen-reader users hear "Copied".
const announcer = document.getElementById('announcer');

function announce(message: string): void {
  if (!announcer) return;
  announcer.textContent = '';
  // A fresh text node after a tick makes repeated identical messages announce again.
  window.setTimeout(() => (announcer.textContent = message), 50);
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Fall through to the selection-based fallback (e.g. clipboard permission denied).
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

for (const pre of document.querySelectorAll<HTMLPreElement>('pre.astro-code')) {
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.append(pre);
  const language = pre.dataset.language;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', language && language !== 'plaintext' ? `Copy ${language} code` : 'Copy code');
  let timer: number | undefined;
  button.addEventListener('click', async () => {
    const text = pre.textContent ?? '';
    try {
      await copyText(text.endsWith('\n') ? text : `${text}\n`);
      button.textContent = 'Copied';
      announce('Copied to clipboard');
    } catch {
      button.textContent = 'Press Ctrl+C';
      announce('Copy failed; select the code and copy it by hand');
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
  wrapper.append(button);
}
