// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';

// The public address of the site; override with SITE_URL when self-hosting under another name.
const site = process.env.SITE_URL ?? 'https://homelab-front-door.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [mdx(), preact(), sitemap({ filter: (page) => !page.endsWith('/404/') })],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      wrap: false,
    },
  },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
