import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { highlight } from '../../../src/components/builder/highlight';

// The worker's highlighter writes its own markup from Shiki's tokens: the text a reader sees must be exactly the
// generated text, whatever characters it holds, and no part of it may become markup.
// node-html-parser keeps <pre> content unparsed unless told otherwise.
const dom = (html: string) => parse(html, { blockTextElements: { script: true, style: true } });
const text = (html: string) => dom(html).querySelector('pre > code')!.text;

describe('highlight (worker side)', () => {
  it('keeps YAML text exactly and escapes markup characters', async () => {
    const code = "a: '<script>alert(1)</script> & \"q\"'\n# comment\nb:\n  - 1\n  - x: '</span>'\n";
    const html = (await highlight(code, 'yaml'))!;
    expect(html).not.toContain('<script>');
    expect(dom(html).querySelectorAll('script')).toHaveLength(0);
    expect(text(html)).toBe(code);
  });

  it('colours tokens for both themes and marks the block like the build-time blocks', async () => {
    const html = (await highlight('location /x {\n    proxy_pass http://a:9091;\n}\n', 'nginx'))!;
    const pre = dom(html).querySelector('pre')!;
    expect(pre.classList.contains('astro-code')).toBe(true);
    expect(pre.getAttribute('style')).toMatch(/--shiki-dark-bg/);
    const styled = pre.querySelectorAll('span.line span[style]');
    expect(styled.length).toBeGreaterThan(2);
    expect(styled.every((s) => /color:/.test(s.getAttribute('style')!) && /--shiki-dark:/.test(s.getAttribute('style')!))).toBe(
      true,
    );
  });

  it('highlights every language the builders emit and leaves unknown ones as plain text', async () => {
    for (const [lang, code] of [
      ['shell', 'sudo tailscale set --advertise-routes=192.168.1.0/24\n'],
      ['bash', 'echo "$HOME" > /tmp/x\n'],
      ['json', '{"a": [1, "<b>"]}'],
      ['hujson', '{ // c\n "a": 1, }'],
      ['ini', '[x]\na=1'],
      ['dotenv', 'A="b c"\n'],
      ['powershell', 'Write-Host "x"'],
    ]) {
      const html = await highlight(code!, lang!);
      expect(html, lang).toBeDefined();
      expect(text(html!), lang).toBe(code);
    }
    expect(await highlight('x', 'klingon')).toBeUndefined();
  });
});
