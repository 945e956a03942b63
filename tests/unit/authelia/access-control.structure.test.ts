import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/lib');
const folder = join(root, 'authelia/access-control');
const files = [...readdirSync(folder).map((name) => join(folder, name)), join(root, 'core/ip/go-net.ts')];

/** The relative imports of a module, resolved to files (`./x` → x.ts or x/index.ts). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const targets = [...source.matchAll(/from '(\.[^']+)'/g)].map((match) => resolve(dirname(file), match[1]!));
  return targets.map((target) => {
    for (const candidate of [`${target}.ts`, join(target, 'index.ts')]) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // try the next form
      }
    }
    return target;
  });
}

describe('the access-control folder', () => {
  it('has no module over 400 lines', () => {
    const long = files.filter((file) => readFileSync(file, 'utf8').split('\n').length > 400);
    expect(long).toEqual([]);
  });

  it('has no import cycle (every module reachable from the folder, depth-first)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of importsOf(file)) if (next.startsWith(root)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('the Go net rules are pure: go-net imports nothing', () => {
    expect(importsOf(join(root, 'core/ip/go-net.ts'))).toEqual([]);
  });
});
