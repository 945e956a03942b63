/**
 * The pattern and address matching behind `Match User/Host/Address`, written from OpenSSH 9.2:
 * match_pattern() and match_pattern_list() (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/match.c#L50-L160),
 * addr_match_list() (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/addrmatch.c#L40-L100) and
 * addr_pton_cidr() (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/addr.c#L420-L460).
 */

/** `*` matches any run of characters, `?` one character; everything else literally. */
export function matchPattern(text: string, pattern: string): boolean {
  const regex = new RegExp(
    `^${[...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
    's',
  );
  return regex.test(text);
}

/** 1 when a positive sub-pattern matches, -1 when a negated (`!`) one does, else 0. */
export function matchPatternList(text: string, list: string, lowercase: boolean): -1 | 0 | 1 {
  let positive = false;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    let pattern = negated ? raw.slice(1) : raw;
    if (lowercase) pattern = pattern.toLowerCase();
    if (matchPattern(text, pattern)) {
      if (negated) return -1;
      positive = true;
    }
  }
  return positive ? 1 : 0;
}

export interface ParsedAddress {
  family: 4 | 6;
  bytes: number[];
}

/** A numeric IPv4 (dotted quad) or IPv6 address, or undefined. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const v4 = parseIPv4(text);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIPv6(text);
  return v6 ? { family: 6, bytes: v6 } : undefined;
}

function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIPv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) out.push(parseInt(piece, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

/** `addr/len` or a bare address (full length). Undefined when not an address; 'bad-mask' when the mask is invalid. */
export function parseCidr(text: string): { address: ParsedAddress; length: number } | 'bad-mask' | undefined {
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const maskText = slash === -1 ? undefined : text.slice(slash + 1);
  if (maskText !== undefined && !/^\d+$/.test(maskText)) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  const length = maskText === undefined ? bits : Number(maskText);
  if (length > 128) return undefined;
  if (length > bits) return 'bad-mask';
  // Host bits must be zero ("inconsistent mask length"), e.g. 192.168.1.5/24 is refused.
  for (let bit = length; bit < bits; bit++) {
    if ((address.bytes[bit >> 3]! >> (7 - (bit & 7))) & 1) return 'bad-mask';
  }
  return { address, length };
}

function inNetwork(address: ParsedAddress, network: ParsedAddress, length: number): boolean {
  if (address.family !== network.family) return false;
  for (let bit = 0; bit < length; bit++) {
    const mask = 1 << (7 - (bit & 7));
    if ((address.bytes[bit >> 3]! & mask) !== (network.bytes[bit >> 3]! & mask)) return false;
  }
  return true;
}

/**
 * 1 matched, 0 not matched, -1 a negated entry matched, -2 the list is invalid (an empty entry or a network with
 * host bits set). With no address, only checks the list.
 */
export function addressMatchList(address: string | undefined, list: string): -2 | -1 | 0 | 1 {
  let tried: ParsedAddress | undefined;
  if (address !== undefined) {
    tried = parseAddress(address);
    if (!tried) return 0;
  }
  let result: -2 | -1 | 0 | 1 = 0;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    const entry = negated ? raw.slice(1) : raw;
    if (entry === '') return -2;
    const cidr = parseCidr(entry);
    if (cidr === 'bad-mask') return -2;
    const found = cidr
      ? tried !== undefined && inNetwork(tried, cidr.address, cidr.length)
      : address !== undefined && matchPattern(address, entry);
    if (found) {
      if (negated) return -1;
      result = 1;
    }
  }
  return result;
}

/** The entries of an address list that sshd refuses (empty, or a network with host bits set), for messages. */
export function badAddressEntries(list: string): string[] {
  return list.split(',').filter((raw) => {
    const entry = raw.startsWith('!') ? raw.slice(1) : raw;
    return entry === '' || parseCidr(entry) === 'bad-mask';
  });
}
