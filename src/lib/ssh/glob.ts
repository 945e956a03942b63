/**
 * `Include` globbing over the files given: each path component is matched on its own (`*` and `?` never cross a `/`,
 * `[…]` sets work, a leading dot is only matched literally), and the matches are read in byte order, as glob(3)
 * sorts them (servconf.c#L2191-L2230 at V_9_2_P1 calls glob() without flags; sshd runs in the C locale).
 */
import type { ConfigFile } from './model';

function componentRegex(component: string): RegExp {
  let source = '';
  for (let index = 0; index < component.length; index++) {
    const char = component[index]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = component.indexOf(']', index + 2);
      if (close === -1) source += '\\[';
      else {
        let set = component.slice(index + 1, close);
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        source += `[${set.replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Indexes of the files whose path the pattern matches, in the order sshd reads them. */
export function globFiles(pattern: string, files: readonly ConfigFile[]): number[] {
  const wanted = pattern.split('/');
  const regexes = wanted.map(componentRegex);
  const found: number[] = [];
  files.forEach((file, index) => {
    const parts = file.path.split('/');
    if (parts.length !== wanted.length) return;
    const matches = parts.every((part, position) => {
      if (part.startsWith('.') && !wanted[position]!.startsWith('.')) return false;
      return regexes[position]!.test(part);
    });
    if (matches) found.push(index);
  });
  const bytes = (text: string) => new TextEncoder().encode(text);
  return found.sort((left, right) => {
    const a = bytes(files[left]!.path);
    const b = bytes(files[right]!.path);
    for (let index = 0; index < Math.min(a.length, b.length); index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
    return a.length - b.length;
  });
}
