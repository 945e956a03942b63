// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import postBuild from './src/integrations/post-build.ts';

/**
 * Shiki's nginx grammar embeds the Lua grammar (which embeds C) for OpenResty's `*_by_lua_block` directives. The
 * builders' nginx output never contains Lua, and the two grammars would triple the highlighter's download on the NPM
 * pages, so the worker bundle takes the nginx grammar alone. Fails the build if the module no longer looks as expected
 * (after a Shiki upgrade), rather than shipping Lua silently again.
 * @returns {import('vite').Plugin}
 */
function nginxGrammarWithoutLua() {
  return {
    name: 'nginx-grammar-without-lua',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/@shikijs/langs/dist/nginx.mjs')) return;
      const out = code
        .replace("import lua from './lua.mjs'\n", '')
        .replace('...lua,\n', '')
        .replace(',\\"embeddedLangs\\":[\\"lua\\"]', '');
      if (out.includes('lua.mjs') || out.includes('...lua') || out.includes('embeddedLangs'))
        throw new Error('nginx-grammar-without-lua: @shikijs/langs/dist/nginx.mjs changed shape; update the plugin');
      return { code: out, map: null };
    },
  };
}

/**
 * Astro's content-assets plugin marks each MDX entry's `?astroPropagatedAssets` module with the directive
 * "use astro:head-inject" (astro 7.3.5, dist/content/vite-plugin-content-assets.js), which Astro reads itself before
 * bundling. Rolldown then reports each such module as a MODULE_LEVEL_DIRECTIVE warning: one 10-line box per guide on
 * every build (known upstream: https://github.com/withastro/astro/issues/18087). Exactly that warning is dropped;
 * every other warning, other module-level directives included, still reaches the terminal.
 *
 * A plugin rather than `vite.build.rolldownOptions.onwarn`: @preact/preset-vite 2.x sets its own `onwarn` (for
 * "use client") in its config hook, which replaces a user's. This one runs after it ('post') and hands on to it.
 * @returns {import('vite').Plugin}
 */
function quietHeadInjectDirective() {
  return {
    name: 'quiet-head-inject-directive',
    enforce: 'post',
    config(config) {
      const build = config.build ?? {};
      const previous = build.rolldownOptions?.onwarn ?? build.rollupOptions?.onwarn;
      /** @type {(warning: any, warn: (warning: any) => void) => void} Rolldown hands a log object or a string. */
      const onwarn = (warning, warn) => {
        if (
          typeof warning === 'object' &&
          warning?.code === 'MODULE_LEVEL_DIRECTIVE' &&
          String(warning.message).includes('"use astro:head-inject"')
        )
          return;
        if (previous) previous(warning, warn);
        else warn(warning);
      };
      return { build: { rolldownOptions: { onwarn } } };
    },
  };
}

// The public address of the site; override with SITE_URL when self-hosting under another name.
const site = process.env.SITE_URL ?? 'https://homelab-front-door.example';

export { quietHeadInjectDirective };

export default defineConfig({
  site,
  trailingSlash: 'always',
  // postBuild last: after the sitemap, it indexes the site for search and writes the CSP include and the service worker
  // (src/integrations/post-build.ts), so `astro build` alone yields the deployable site.
  integrations: [mdx(), preact(), sitemap({ filter: (page) => !page.endsWith('/404/') }), postBuild()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      wrap: false,
    },
  },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Module workers, so a worker's dynamic imports (one highlighting grammar per language) become chunks of their own
  // instead of one bundle with every grammar.
  vite: {
    worker: { format: 'es', plugins: () => [nginxGrammarWithoutLua()] },
    plugins: [quietHeadInjectDirective()],
  },
});
