import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../lib/site/meta';
import { allGuides } from '../site/guides';
import { guideHref } from '../lib/site/nav';

export async function GET(context: APIContext) {
  const guides = (await allGuides()).sort(
    (a, b) => b.data.updated.getTime() - a.data.updated.getTime() || a.id.localeCompare(b.id),
  );
  return rss({
    title: `${SITE.name} — guides`,
    description: SITE.description,
    site: context.site ?? 'https://homelab-front-door.example',
    items: guides.map((entry) => ({
      title: entry.data.title,
      description: entry.data.description,
      pubDate: entry.data.updated,
      link: guideHref(entry.id),
      categories: entry.data.tags,
    })),
    customData: '<language>en</language>',
  });
}
