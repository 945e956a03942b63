/**
 * Text fingerprints for the originality check: a guide must not reuse runs of words
 * from the source article. Only prose is compared — code blocks and inline code are
 * facts (commands, keys) that may legitimately match.
 */

export const SHINGLE_WORDS = 8;

/** Removes fenced code blocks, inline code, MDX/HTML tags, frontmatter and link targets. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>\n]+>/g, ' ');
}

export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z0-9']+/g) ?? []
  )
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

export function shingles(text: string, size = SHINGLE_WORDS): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + size <= w.length; i++) out.push(w.slice(i, i + size).join(' '));
  return out;
}

/** FNV-1a 64-bit as 16 hex digits: enough to compare fingerprints without storing the text. */
export function fingerprint(shingle: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(shingle)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
