import type { GeneratedFile } from '../../lib/core';

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadFile(file: GeneratedFile): void {
  save(new Blob([file.content], { type: 'text/plain;charset=utf-8' }), file.name.split('/').pop() ?? file.name);
}

/** All files as one .zip, built in the page (fflate is loaded on first use). */
export async function downloadAll(files: GeneratedFile[], archiveName: string): Promise<void> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = strToU8(file.content);
  save(new Blob([zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), archiveName);
}

export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
