import { describe, expect, it } from 'vitest';
import { fingerprint, proseOf, shingles, words } from '../../../src/lib/content/shingles';

describe('proseOf', () => {
  it('drops frontmatter, fenced code, inline code, tags and link targets', () => {
    const md =
      '---\ntitle: x\n---\nKeep this `drop inline` [text](/drop/link/).\n\n```bash\ndrop code\n```\n<Callout type="note">\nkept words\n</Callout>\n';
    const prose = proseOf(md);
    expect(words(prose)).toEqual(['keep', 'this', 'text', 'kept', 'words']);
  });
});

describe('shingles', () => {
  it('normalises case, punctuation and curly quotes', () => {
    expect(words('Don’t  PANIC, it’s fine.')).toEqual(["don't", 'panic', "it's", 'fine']);
  });

  it('produces overlapping runs of n words', () => {
    expect(shingles('a b c d', 3)).toEqual(['a b c', 'b c d']);
    expect(shingles('a b', 3)).toEqual([]);
  });

  it('fingerprints deterministically as 16 hex digits', () => {
    expect(fingerprint('hello world')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('hello world')).toBe(fingerprint('hello world'));
    expect(fingerprint('hello world')).not.toBe(fingerprint('hello worle'));
  });
});
