import { describe, expect, it, vi } from 'vitest';
import { quietHeadInjectDirective } from '../../../astro.config.mjs';

// `npm start` used to print one MODULE_LEVEL_DIRECTIVE box per guide (Astro's own "use astro:head-inject" marker on
// each MDX entry). The config's plugin drops exactly that warning and hands everything else on.
type Log = { code?: string; message: string };
type OnWarn = (warning: Log, warn: (warning: Log) => void) => void;

function resolvedOnWarn(previous?: OnWarn): OnWarn {
  const plugin = quietHeadInjectDirective();
  const hook = plugin.config as (config: object) => { build: { rolldownOptions: { onwarn: OnWarn } } };
  return hook({ build: previous ? { rollupOptions: { onwarn: previous } } : {} }).build.rolldownOptions.onwarn;
}

const headInject: Log = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "src/content/docs/backups.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};
const otherDirective: Log = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message: 'The semantics of the module level directive "use strict-ish" in "x.js" may not be preserved when bundling.',
};
const otherCode: Log = { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' };

describe('the build drops only the "use astro:head-inject" directive warning', () => {
  it('drops it and passes other warnings to the default handler', () => {
    const warn = vi.fn();
    const onwarn = resolvedOnWarn();
    onwarn(headInject, warn);
    expect(warn).not.toHaveBeenCalled();
    onwarn(otherDirective, warn);
    onwarn(otherCode, warn);
    expect(warn.mock.calls).toEqual([[otherDirective], [otherCode]]);
  });

  it('keeps an earlier plugin’s onwarn (Preact’s) in the chain for everything else', () => {
    const previous = vi.fn<OnWarn>((warning, warn) => {
      if (!warning.message.includes('use client')) warn(warning);
    });
    const warn = vi.fn();
    const onwarn = resolvedOnWarn(previous);
    onwarn(headInject, warn);
    expect(previous).not.toHaveBeenCalled();
    onwarn(otherCode, warn);
    expect(previous).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls).toEqual([[otherCode]]);
  });
});
