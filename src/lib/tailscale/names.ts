/**
 * Tags, hostnames and exit-node names checked with the CLI's rules (`tailcfg.CheckTag`, `dnsname.ValidHostname`,
 * `--exit-node`), messages verbatim.
 */
import { error, info, type Diagnostic } from '../core';
import { CLI_TEXT } from './facts';
import { goQuote, goQuoteByte } from '../core/quote';
import { parseAddr } from '../core/ip/go-netip';

const MAX_LABEL = 63;
const MAX_NAME = 254;

const isAlpha = (b: number) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
const isDigit = (b: number) => b >= 48 && b <= 57;
const isAlnum = (b: number) => isAlpha(b) || isDigit(b);
const isDnsChar = (b: number) => isAlnum(b) || b === 45;

const utf8 = (s: string) => Array.from(new TextEncoder().encode(s));

/** `tailcfg.CheckTag`: the reason a tag is invalid, or undefined. */
export function checkTag(tag: string): string | undefined {
  if (!tag.startsWith('tag:')) return "tags must start with 'tag:'";
  const name = utf8(tag.slice(4));
  if (name.length === 0) return 'tag names must not be empty';
  if (!isAlpha(name[0] ?? 0)) return "tag names must start with a letter, after 'tag:'";
  if (!name.every((b) => isAlnum(b) || b === 45)) return 'tag names can only contain numbers, letters, or dashes';
  return undefined;
}

/** A tag the CLI accepts for a near miss (`router`, `tag:my_router`, ` tag:nas`), or undefined. */
function repairTag(tag: string): string | undefined {
  const bare = tag.trim().replace(/^tag:/, '');
  const candidate = `tag:${bare.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')}`;
  return checkTag(candidate) === undefined ? candidate : undefined;
}

export interface ParsedTags {
  /** Tags in the `tag:` form, de-duplicated, in the order given. */
  tags: string[];
  diagnostics: Diagnostic[];
}

function tagDiagnostic(tags: string[], index: number, path: string): Diagnostic | undefined {
  const tag = tags[index] ?? '';
  const reason = checkTag(tag);
  if (reason === undefined) return undefined;
  const fixed = repairTag(tag);
  const fix = fixed ? tags.map((t, i) => (i === index ? fixed : t)).join(',') : undefined;
  const cli = `tag: ${goQuote(tag)}: ${reason}`;
  // Since 1.97 the CLI adds `tag:` to a name without a colon; older clients reject it, so the builder writes the prefix.
  if (!tag.includes(':') && fixed === `tag:${tag}`) {
    return info('tag-prefix-added', `${cli} (clients before 1.97). The builder writes ${fixed}, which every version accepts.`, {
      path,
      fix,
    });
  }
  const hint = 'A tag is tag: followed by a letter and then letters, digits or dashes, e.g. tag:router.';
  return error('tag-invalid', `${cli}. ${hint}`, { path, ...(fix ? { fix } : {}) });
}

/** `--advertise-tags`: split on commas (no trimming), each checked with `tailcfg.CheckTag`. */
export function parseTags(value: string, path = 'tags'): ParsedTags {
  if (value === '') return { tags: [], diagnostics: [] };
  const raw = value.split(',');
  const diagnostics = raw.flatMap((_, i) => tagDiagnostic(raw, i, path) ?? []);
  const usable = raw.flatMap((t) => {
    if (checkTag(t) === undefined) return [t];
    return !t.includes(':') && checkTag(`tag:${t}`) === undefined ? [`tag:${t}`] : [];
  });
  return { tags: [...new Set(usable)], diagnostics };
}

/** `dnsname.ValidLabel`. */
function checkLabel(label: string): string | undefined {
  const bytes = utf8(label);
  if (bytes.length === 0) return 'empty DNS label';
  if (bytes.length > MAX_LABEL) return `${goQuote(label)} is too long, max length is ${MAX_LABEL} bytes`;
  if (!isAlnum(bytes[0] ?? 0)) return `${goQuote(label)} is not a valid DNS label: must start with a letter or number`;
  if (!isAlnum(bytes[bytes.length - 1] ?? 0))
    return `${goQuote(label)} is not a valid DNS label: must end with a letter or number`;
  const bad = bytes.slice(1, -1).find((b) => !isDnsChar(b));
  if (bad !== undefined) return `${goQuote(label)} is not a valid DNS label: contains invalid character ${goQuoteByte(bad)}`;
  return undefined;
}

/** `dnsname.ValidHostname` (via `ToFQDN`): the CLI's reason a `--hostname` is invalid, or undefined. */
export function checkHostname(hostname: string): string | undefined {
  if (hostname === '' || hostname === '.') return undefined;
  let s = hostname.startsWith('.') ? hostname.slice(1) : hostname;
  const total = utf8(s).length + (s.endsWith('.') ? 0 : 1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (total > MAX_NAME) return `${goQuote(s)} is too long to be a DNS name`;
  const labels = s.split('.');
  const inner = labels.slice(0, -1).find((l) => utf8(l).length === 0 || utf8(l).length > MAX_LABEL);
  if (inner !== undefined) return `${goQuote(inner)} is not a valid DNS label`;
  for (const label of labels) {
    const reason = checkLabel(label);
    if (reason) return reason;
  }
  return undefined;
}

/** Letters NFKD does not split into a base letter and a mark, spelled in ASCII. */
const ASCII_SPELLING: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** Accented Latin letters as their ASCII base (`routér-ü` → `router-u`); other characters unchanged. */
export function transliterate(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæÆœŒøØłŁđĐþÞı]/g, (letter) => ASCII_SPELLING[letter] ?? letter);
}

/**
 * A hostname the CLI accepts for a near miss (`Home Router` → `Home-Router`, `routér-ü` → `router-u`), or undefined.
 * Accented letters become their ASCII base rather than vanishing; what has no ASCII spelling is dropped.
 */
export function repairHostname(hostname: string): string | undefined {
  const candidate = transliterate(hostname)
    .trim()
    .replace(/[\s_@]+/g, '-')
    .replace(/[^A-Za-z0-9.-]/g, '')
    .replace(/^[-.]+|[-.]+$/g, '');
  return candidate !== '' && candidate !== hostname && checkHostname(candidate) === undefined ? candidate : undefined;
}

export function hostnameDiagnostics(hostname: string, path = 'hostname'): Diagnostic[] {
  const reason = checkHostname(hostname);
  if (!reason) return [];
  const fix = repairHostname(hostname);
  return [
    error('hostname-invalid', `${reason}. A device name is letters, digits and dashes, e.g. home-router.`, {
      path,
      ...(fix ? { fix } : {}),
    }),
  ];
}

/** What `--exit-node` accepts: a Tailscale IP, a peer's MagicDNS name, or `auto:any`. */
export function exitNodeDiagnostics(value: string, path = 'exitNode'): Diagnostic[] {
  if (value === '' || value === 'auto:any') return [];
  const addr = parseAddr(value);
  if (addr && addr.zone === '') return [];
  if (!addr && !/^[.]|[.][.]/.test(value) && checkHostname(value) === undefined) return [];
  return [
    error(
      'exit-node-invalid',
      `${CLI_TEXT.exitNodeInvalid(goQuote(value))}. Use the exit node's machine name (e.g. home-router), its Tailscale IP, or auto:any.`,
      {
        path,
      },
    ),
  ];
}
