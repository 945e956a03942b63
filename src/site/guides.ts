import { getCollection, type CollectionEntry } from 'astro:content';
import type { GuideMeta } from '../lib/site/nav';

export type GuideEntry = CollectionEntry<'docs'>;

/** Plain metadata for navigation (keeps the nav helpers free of Astro types). */
export function toMeta(entry: GuideEntry): GuideMeta {
  const { title, description, layer, order } = entry.data;
  return { id: entry.id, title, description, layer, order };
}

export async function allGuides(): Promise<GuideEntry[]> {
  return getCollection('docs');
}
