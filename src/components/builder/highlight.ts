// Runs inside the highlight worker. Same themes as the build-time code blocks; the JavaScript
// regex engine avoids a WASM download, and each grammar is fetched only when a file needs it.
// Shiki's tokenizer is used without its HTML layer (hast + hast-util-to-html, about a fifth of the
// worker): the markup of a highlighted block is small and fixed, so it is written here.
import { codeToTokens, createShikiPrimitiveAsync, type LanguageInput, type ShikiPrimitive } from 'shiki/core';
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
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let primitive: Promise<ShikiPrimitive> | undefined;
const loading = new Map<string, Promise<void>>();

function core(): Promise<ShikiPrimitive> {
  primitive ??= createShikiPrimitiveAsync({
    themes: [import('@shikijs/themes/github-light-default'), import('@shikijs/themes/github-dark-default')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return primitive;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

const styleText = (style: Record<string, string> | undefined): string =>
  style
    ? Object.entries(style)
        .map(([k, v]) => `${k}:${v}`)
        .join(';')
    : '';

/** HTML for a code block, or undefined when the language has no grammar here (plain text stays). */
export async function highlight(code: string, language: string): Promise<string | undefined> {
  const grammar = GRAMMARS[ALIASES[language] ?? language];
  if (!grammar) return undefined;
  const p = await core();
  if (!loading.has(grammar.id)) loading.set(grammar.id, p.loadLanguage(grammar.load()));
  await loading.get(grammar.id);
  const result = codeToTokens(p, code, { lang: grammar.id, themes: THEMES });
  const lines = result.tokens.map(
    (line) =>
      `<span class="line">${line
        .map((t) => {
          const style = styleText(t.htmlStyle);
          return style ? `<span style="${escapeHtml(style)}">${escapeHtml(t.content)}</span>` : escapeHtml(t.content);
        })
        .join('')}</span>`,
  );
  // With two themes, `fg`/`bg` hold the light colour followed by the dark one as a CSS variable.
  const rootStyle =
    typeof result.rootStyle === 'string'
      ? result.rootStyle
      : `color:${result.fg ?? 'inherit'};background-color:${result.bg ?? 'inherit'}`;
  // Same classes as Astro's build-time blocks (`astro-code`), so one set of styles covers both.
  return `<pre class="shiki shiki-themes ${THEMES.light} ${THEMES.dark} astro-code" style="${escapeHtml(rootStyle)}" tabindex="0" data-language="${escapeHtml(language)}"><code>${lines.join('\n')}</code></pre>`;
}
