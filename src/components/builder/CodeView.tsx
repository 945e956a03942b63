import type { GeneratedFile } from '../../lib/core';
import { useHighlighted } from './useHighlighted';

/** One generated file's text: plain at once, highlighted (light and dark) once the worker has made it. */
export function CodeView({ file }: { file: GeneratedFile }) {
  const highlighted = useHighlighted(file);
  return highlighted ? (
    <div class="output-code" dangerouslySetInnerHTML={{ __html: highlighted }} />
  ) : (
    <pre class="astro-code output-plain" tabIndex={0} data-language={file.language}>
      <code>{file.content}</code>
    </pre>
  );
}
