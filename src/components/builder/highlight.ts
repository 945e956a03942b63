// Runs inside the highlight worker. Same themes as the build-time code blocks; the JavaScript
// regex engine avoids a WASM download, and each grammar is fetched only when a file needs it.
import { createHighlighterCore, type HighlighterCore, type LanguageInput } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

const GRAMMARS: Record<string, { id: string; load: () => LanguageInput }> = {
  yaml: { id: 'yaml', load: () => import('@shikijs/langs/yaml') },
  nginx: { id: 'nginx', load: () => import('@shikijs/langs/nginx') },
  shell: { id: 'shellscript', load: () => import('@shikijs/langs/shellscript') },
  json: { id: 'json', load: () => import('@shikijs/langs/json') },
  jsonc: { id: 'jsonc', load: () => import('@shikijs/langs/jsonc') },
  ini: { id: 'ini', load: () => import('@shikijs/langs/ini') },
  dotenv: { id: 'dotenv', load: () => import('@shikijs/langs/dotenv') },
  powershell: { id: 'powershell', load: () => import('@shikijs/langs/powershell') },
};
const ALIASES: Record<string, string> = { bash: 'shell', sh: 'shell', hujson: 'jsonc' };

let highlighter: Promise<HighlighterCore> | undefined;
const loading = new Map<string, Promise<void>>();

function core(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('@shikijs/themes/github-light-default'), import('@shikijs/themes/github-dark-default')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** HTML for a code block, or undefined when the language has no grammar here (plain text stays). */
export async function highlight(code: string, language: string): Promise<string | undefined> {
  const grammar = GRAMMARS[ALIASES[language] ?? language];
  if (!grammar) return undefined;
  const h = await core();
  if (!loading.has(grammar.id)) loading.set(grammar.id, h.loadLanguage(grammar.load()));
  await loading.get(grammar.id);
  return h.codeToHtml(code, {
    lang: grammar.id,
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    // Same class as Astro's build-time blocks, so one set of styles covers both.
    transformers: [{ pre: (node) => void (node.properties.class = `${String(node.properties.class ?? '')} astro-code`) }],
  });
}
