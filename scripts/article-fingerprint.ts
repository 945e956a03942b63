// Writes tests/fixtures/article-fingerprints.json: hashes of every 8-word run of the source
// article, so the originality test runs without ../shared and without storing the article's text.
// Usage: npx node scripts/article-fingerprint.ts [path-to-article]
import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprint, shingles, SHINGLE_WORDS } from '../src/lib/content/shingles.ts';

const source = process.argv[2] ?? '../shared/reference/homelab-security-article.txt';
const prints = [...new Set(shingles(readFileSync(source, 'utf8')).map(fingerprint))].sort();
writeFileSync(
  'tests/fixtures/article-fingerprints.json',
  `${JSON.stringify({ words: SHINGLE_WORDS, source: 'homelab-security-article.txt', fingerprints: prints })}\n`,
);
console.log(`${prints.length} fingerprints of ${SHINGLE_WORDS}-word runs written`);
