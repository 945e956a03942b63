// The kit's files as a folder tree of buttons (Tab reaches each file, Enter or Space opens it, arrow keys move between
// files), and the open file with its syntax colouring and a copy button. Layout only: the files come from
// src/lib/kit through the island.
import { useRef, useState } from 'preact/hooks';
import type { GeneratedFile } from '../../lib/core';
import { announce } from '../builder/announce';
import { copyToClipboard } from '../builder/download';
import { CodeView } from '../builder/CodeView';

interface Props {
  files: GeneratedFile[];
  /** The name of the open file (from the checks' "Show" buttons); falls back to the first file. */
  selected: string | undefined;
  onSelect: (name: string) => void;
}

/** Files grouped by their folder, the folders in the order their first file comes; root files first. */
function folders(files: GeneratedFile[]): { folder: string; files: GeneratedFile[] }[] {
  const groups = new Map<string, GeneratedFile[]>([['', []]]);
  for (const file of files) {
    const cut = file.name.lastIndexOf('/');
    const folder = cut < 0 ? '' : file.name.slice(0, cut + 1);
    groups.set(folder, [...(groups.get(folder) ?? []), file]);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([folder, list]) => ({ folder, files: list }));
}

const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

export function KitFiles({ files, selected, onSelect }: Props) {
  const [copied, setCopied] = useState<string | undefined>();
  const tree = useRef<HTMLDivElement>(null);
  const file = files.find((f) => f.name === selected) ?? files[0];

  if (!file) return <p class="builder-empty">Nothing to generate yet.</p>;

  // Arrow keys, Home and End move between the file buttons (Tab still walks through them one by one).
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(tree.current?.querySelectorAll<HTMLButtonElement>('button[data-file]') ?? [])];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, last)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  const copy = async () => {
    const ok = await copyToClipboard(file.content);
    setCopied(ok ? file.name : undefined);
    announce(ok ? `Copied ${file.name}` : `Could not copy ${file.name}; select the text and copy it by hand`);
    window.setTimeout(() => setCopied(undefined), 2000);
  };

  return (
    <div class="kit-files">
      <nav class="kit-tree" aria-label="Files in the kit" ref={tree} onKeyDown={onKeyDown}>
        <ul>
          {folders(files).map(({ folder, files: list }) => {
            const items = list.map((f) => (
              <li>
                <button
                  type="button"
                  class="link-button"
                  data-file={f.name}
                  aria-current={f.name === file.name ? 'true' : undefined}
                  onClick={() => onSelect(f.name)}
                >
                  {folder ? baseName(f.name) : f.name}
                </button>
              </li>
            ));
            return folder ? (
              <li class="kit-folder">
                <span class="kit-folder-name">{folder}</span>
                <ul>{items}</ul>
              </li>
            ) : (
              items
            );
          })}
        </ul>
      </nav>
      <section class="kit-file output-panel" aria-labelledby="kit-file-name">
        <div class="output-actions">
          <h3 id="kit-file-name" class="kit-file-name">
            <code>{file.name}</code>
          </h3>
          <button type="button" onClick={copy}>
            {copied === file.name ? 'Copied' : 'Copy'} <span class="sr-only">{file.name}</span>
          </button>
        </div>
        <div class="output-file" data-file={file.name}>
          <CodeView file={file} />
        </div>
      </section>
    </div>
  );
}
