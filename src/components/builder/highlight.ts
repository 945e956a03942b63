// Loaded lazily after the first render: output is readable and copyable before this arrives.
// Same themes as the build-time code blocks; the JavaScript regex engine avoids a WASM download.
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

const LANGS: Record<string, string> = {
  yaml: 'yaml',
  nginx: 'nginx',
  shell: 'shellscript',
  bash: 'shellscript',
  sh: 'shellscript',
  json: 'json',
  jsonc: 'jsonc',
  hujson: 'jsonc',
  ini: 'ini',
  dotenv: 'dotenv',
};

let highlighter: Promise<HighlighterCore> | undefined;

function load(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('@shikijs/themes/github-light-default'), import('@shikijs/themes/github-dark-default')],
    langs: [
      import('@shikijs/langs/yaml'),
      import('@shikijs/langs/nginx'),
      import('@shikijs/langs/shellscript'),
      import('@shikijs/langs/json'),
      import('@shikijs/langs/jsonc'),
      import('@shikijs/langs/ini'),
      import('@shikijs/langs/dotenv'),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** HTML for a code block, or undefined when the language is plain text. */
export async function highlight(code: string, language: string): Promise<string | undefined> {
  const lang = LANGS[language];
  if (!lang) return undefined;
  const h = await load();
  return h.codeToHtml(code, {
    lang,
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    // Same class as Astro's build-time blocks, so one set of styles covers both.
    transformers: [{ pre: (node) => void (node.properties.class = `${String(node.properties.class ?? '')} astro-code`) }],
  });
}
