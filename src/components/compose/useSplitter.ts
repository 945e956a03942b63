import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComposeInput } from '../../lib/compose/state';
import { createSplitter, type SplitOutput, type Splitter } from './splitter';

/** Show "working" only when a result takes noticeably long (a very large paste). */
const SLOW_MS = 300;

/**
 * The splitter's newest output for the input: small files are split in the keystroke's own task, large ones in a
 * worker (see splitter.ts). `slow` turns true while a large file takes a while.
 */
export function useSplitter(input: ComposeInput): { output: SplitOutput | undefined; slow: boolean; warm: () => void } {
  const splitter = useRef<Splitter | undefined>(undefined);
  const delivered = useRef(0);
  const [output, setOutput] = useState<SplitOutput | undefined>();
  const [slow, setSlow] = useState(false);

  // A layout effect runs before paint, so the output of a small file follows typing.
  useLayoutEffect(() => {
    splitter.current ??= createSplitter((out) => {
      delivered.current = out.id;
      setOutput(out);
      setSlow(false);
    });
    const requested = splitter.current.run(input.source, input.options);
    const timer = window.setTimeout(() => {
      if (delivered.current < requested) setSlow(true);
    }, SLOW_MS);
    return () => window.clearTimeout(timer);
  }, [input]);

  useEffect(
    () => () => {
      splitter.current?.dispose();
      splitter.current = undefined;
    },
    [],
  );

  // The splitter library loads on the first sign of use rather than with the page.
  return { output, slow, warm: () => splitter.current?.warm() };
}
