import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Guides live in src/content/docs as MDX. The file name (without extension)
 * becomes the URL: src/content/docs/tailscale.mdx → /guides/tailscale/.
 */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/docs' }),
  schema: z.object({
    /** Page title, shown as the h1 and in <title>. */
    title: z.string().min(3).max(70),
    /** One or two sentences; used as meta description, Open Graph and RSS summary. */
    description: z.string().min(50).max(170),
    /** 0 = start here, 1–4 = the four layers, 'none' = reference pages outside the layers. */
    layer: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('none')]),
    /** Position inside its layer group (ascending). */
    order: z.number().int().min(0),
    /** Date the guide was last checked against upstream. */
    updated: z.coerce.date(),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  }),
});

export const collections = { docs };
