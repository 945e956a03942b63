import { describe, expect, it } from 'vitest';
import { SIGNATURES, diagnoseText } from '../../../src/lib/doctor';
import { BUILDERS } from '../../../src/lib/builders/registry';
import { CORPUS, type TemplateLine } from '../../fixtures/doctor/corpus';
import { builderHasField, guideAnchors } from './site-links';

const ids = (text: string) => diagnoseText(text).findings.map((finding) => finding.id);

/** A regular expression that accepts exactly the lines a printf-style template can produce. */
function templateRegExp(entry: TemplateLine): RegExp {
  const unescaped = entry.template.replace(/\\"/g, '"');
  const parts = unescaped.split(/%(?:\.\d+)?(?:ui|s|d|V|i)/);
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

describe('signature set', () => {
  it('has at least 40 signatures with unique ids', () => {
    expect(SIGNATURES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SIGNATURES.map((signature) => signature.id)).size).toBe(SIGNATURES.length);
  });

  it('covers every tool the issue lists', () => {
    const tools = new Set(SIGNATURES.map((signature) => signature.tool));
    for (const tool of ['authelia', 'nginx', 'tailscale', 'headscale', 'cloudflared', 'compose', 'ssh', 'home-assistant'])
      expect(tools).toContain(tool);
  });

  it('gives each signature a needle its pattern implies, a cause and fix steps', () => {
    for (const signature of SIGNATURES) {
      expect(signature.needle, signature.id).toBe(signature.needle.toLowerCase());
      expect(signature.cause.length, signature.id).toBeGreaterThan(40);
      expect(signature.fix.length, signature.id).toBeGreaterThan(0);
      expect(signature.pattern.flags.includes('g'), `${signature.id} must not be global (lastIndex)`).toBe(false);
    }
  });

  it('links every signature to a guide heading that exists', () => {
    const anchors = guideAnchors();
    const missing = SIGNATURES.filter((signature) => !anchors.has(signature.guide)).map(
      (signature) => `${signature.id} → ${signature.guide}`,
    );
    expect(missing).toEqual([]);
  });

  it('links builder fields that exist in the registry and in the builder', () => {
    const registry = new Set(BUILDERS.map((builder) => builder.id));
    for (const signature of SIGNATURES) {
      if (!signature.builder) continue;
      expect(registry, signature.id).toContain(signature.builder.builder);
      expect(
        builderHasField(signature.builder.builder, signature.builder.field),
        `${signature.id} → ${signature.builder.field}`,
      ).toBe(true);
    }
  });

  it('names only known signatures in supersedes', () => {
    const known = new Set(SIGNATURES.map((signature) => signature.id));
    for (const signature of SIGNATURES)
      for (const other of signature.supersedes ?? []) expect(known, signature.id).toContain(other);
  });
});

describe('fixture corpus', () => {
  it('has a positive and a negative fixture for every signature, and nothing else', () => {
    const corpusIds = CORPUS.map((entry) => entry.signature);
    expect(new Set(corpusIds).size).toBe(corpusIds.length);
    expect([...corpusIds].sort()).toEqual(SIGNATURES.map((signature) => signature.id).sort());
    for (const entry of CORPUS) {
      expect(entry.positive.length, entry.signature).toBeGreaterThan(0);
      expect(entry.negative.length, entry.signature).toBeGreaterThan(0);
    }
  });

  it('cites a public URL for every positive line; template lines are instances of their template', () => {
    for (const entry of CORPUS) {
      for (const positive of entry.positive) {
        expect(positive.source, entry.signature).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull|blob)\//);
        if (positive.kind === 'template') {
          expect(positive.source, entry.signature).toMatch(/\/blob\/[0-9a-f]{40}\//);
          expect(positive.line, entry.signature).toMatch(templateRegExp(positive));
        }
      }
    }
  });

  describe.each(CORPUS)('$signature', (entry) => {
    it.each(entry.positive.map((positive) => [positive.line]))('recognises %s', (line) => {
      const diagnosis = diagnoseText(line);
      const finding = diagnosis.findings.find((candidate) => candidate.id === entry.signature);
      expect(finding, `${entry.signature} not found; got ${diagnosis.findings.map((f) => f.id).join(', ')}`).toBeDefined();
      expect(finding?.lines).toEqual([1]);
    });

    it.each(entry.negative.map((negative) => [negative]))('does not take %s for it', (line) => {
      expect(ids(line)).not.toContain(entry.signature);
    });
  });
});

describe('several findings in one paste', () => {
  it('reports each with its line numbers, the most specific first', () => {
    const paste = [
      '2024-01-18T06:04:54Z ERR  error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 172.30.33.9:80: connect: connection refused"',
      'Some challenges have failed.',
      'auth request unexpected status: 502 while sending to client',
      'connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.2, upstream: "http://127.0.0.1:9091/api/authz/auth-request"',
      'auth request unexpected status: 502 while sending to client',
    ].join('\n');
    const findings = diagnoseText(paste).findings;
    expect(findings.map((finding) => finding.id)).toEqual([
      'nginx-auth-request-502',
      'nginx-upstream-localhost',
      'cloudflared-origin-unreachable',
      'certbot-challenges-failed',
    ]);
    expect(findings[0]?.lines).toEqual([3, 5]);
    expect(findings[1]?.lines).toEqual([4]);
  });

  it('lets a specific signature take over the line from the generic one', () => {
    const line =
      '2023/11/08 15:40:10 [error] 403#403: *12 connect() failed (111: Connection refused) while connecting to upstream, client: 10.10.100.200, server: x, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/tokens", host: "x"';
    expect(ids(line)).toEqual(['nginx-upstream-localhost']);
  });
});
