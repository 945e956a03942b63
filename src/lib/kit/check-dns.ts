/**
 * Internal DNS against NPM and Tailscale: every proxy host must resolve to the proxy's address, and Headscale's URL
 * must not be answered by the internal zone (clients outside the LAN would lose their coordination server). Reads the
 * records the DNS builder writes for each server (dnsmasq / Pi-hole's dnsmasq_lines and hosts, Unbound local-zone and
 * local-data, AdGuard Home rewrites, Technitium API calls) and resolves like those servers: the exact name first,
 * then the most specific zone.
 */
import { error, type Diagnostic, type GeneratedFile } from '../core';
import { DNS_DIR, NPM_DIR, TAILSCALE_DIR } from './types';

/** One answer: an address, or `public` (the name keeps resolving upstream). */
interface DnsRecord {
  name: string;
  subtree: boolean;
  answer: string;
  file: string;
  line: number;
}

const norm = (name: string) => name.toLowerCase().replace(/\.$/, '');

export function readDnsRecords(files: readonly GeneratedFile[]): DnsRecord[] {
  const records: DnsRecord[] = [];
  for (const file of files.filter((f) => f.name.startsWith(DNS_DIR))) {
    const lines = file.content.split('\n');
    const redirectZones = new Set<string>();
    lines.forEach((text, i) => {
      const add = (name: string, subtree: boolean, answer: string) =>
        records.push({ name: norm(name), subtree, answer, file: file.name, line: i + 1 });
      if (/^\s*#/.test(text)) return;
      let m: RegExpExecArray | null;
      // dnsmasq (and Pi-hole's dnsmasq_lines): address=/name/ip answers the name and everything below it.
      if ((m = /address=\/([^/]+)\/([0-9a-f.:]+)/i.exec(text))) add(m[1]!, true, m[2]!);
      // server=/name/… sends the name (and below) upstream: an exception.
      else if ((m = /server=\/([^/]+)\//.exec(text))) add(m[1]!, true, 'public');
      // Unbound.
      else if ((m = /local-zone:\s*"([^"]+)"\s+(\w+)/.exec(text))) {
        if (m[2] === 'transparent') add(m[1]!, true, 'public');
        else if (m[2] === 'redirect') redirectZones.add(norm(m[1]!));
      } else if ((m = /local-data:\s*"(\S+)\s+(?:\d+\s+)?IN\s+A\s+([0-9.]+)"/.exec(text)))
        add(m[1]!, redirectZones.has(norm(m[1]!)), m[2]!);
      // Pi-hole hosts: "ip name".
      else if ((m = /^\s*"([0-9.]+)\s+([^"\s]+)"/.exec(text))) add(m[2]!, false, m[1]!);
      // AdGuard Home rewrites: the answer follows on the next line; A / AAAA keep the upstream answer.
      else if ((m = /^\s*- domain:\s*'([^']+)'/.exec(text))) {
        const answer = /answer:\s*(\S+)/.exec(lines[i + 1] ?? '')?.[1] ?? '';
        const wildcard = m[1]!.startsWith('*.');
        add(wildcard ? m[1]!.slice(2) : m[1]!, wildcard, answer === 'A' || answer === 'AAAA' ? 'public' : answer);
      }
      // Technitium API calls.
      else if ((m = /domain=([^']+)'.*type=(A|FWD)'(?:.*ipAddress=([0-9.]+))?/.exec(text))) {
        const wildcard = m[1]!.startsWith('*.');
        add(wildcard ? m[1]!.slice(2) : m[1]!, wildcard || m[2] === 'FWD', m[2] === 'FWD' ? 'public' : (m[3] ?? ''));
      }
    });
  }
  return records;
}

/** What the internal DNS answers for a name, with the record that decides; undefined when no record covers it. */
export function resolveInternal(records: readonly DnsRecord[], name: string): DnsRecord | undefined {
  const host = norm(name);
  const exact = records.find((r) => r.name === host && !r.subtree);
  if (exact) return exact;
  const covering = records.filter((r) => r.subtree && (host === r.name || host.endsWith(`.${r.name}`)));
  // The most specific zone wins; in a wildcard-only AdGuard rule the apex is not covered.
  return covering.sort((a, b) => b.name.length - a.name.length)[0];
}

export function checkDns(files: readonly GeneratedFile[], proxyIp: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const records = readDnsRecords(files);
  if (records.length === 0) return out;
  const mainFile = records[0]!.file;
  const hosts = files
    .filter((f) => f.name.startsWith(NPM_DIR) && f.name.endsWith('.advanced.conf'))
    .map((f) => f.name.slice(NPM_DIR.length, -'.advanced.conf'.length));
  for (const host of hosts) {
    const record = resolveInternal(records, host);
    if (!record || record.answer === 'public' || (proxyIp !== undefined && record.answer !== proxyIp)) {
      out.push(
        error(
          'kit-dns-not-proxy',
          record
            ? `${host} resolves to ${record.answer === 'public' ? 'its public answer' : record.answer} in the internal DNS, not to the proxy${proxyIp ? ` at ${proxyIp}` : ''}: the browser would miss NPM.`
            : `The internal DNS has no answer for ${host}, so LAN and tailnet clients would not reach the proxy for it.`,
          { path: record?.file ?? mainFile, line: record?.line ?? 1 },
        ),
      );
    }
  }
  // Headscale's own URL must keep its public answer (said once, though several Tailscale files name it).
  const reported = new Set<string>();
  for (const file of files.filter((f) => f.name.startsWith(TAILSCALE_DIR))) {
    const lines = file.content.split('\n');
    const index = lines.findIndex((l) => /--login-server[= ]https?:\/\//.test(l));
    if (index < 0) continue;
    const host = /--login-server[= ]https?:\/\/([^/:'"\s]+)/.exec(lines[index]!)?.[1];
    const record = host ? resolveInternal(records, host) : undefined;
    if (host && record && record.answer !== 'public' && !reported.has(host)) {
      reported.add(host);
      out.push(
        error(
          'kit-headscale-swallowed',
          `The internal DNS answers ${host} (Headscale's URL) with ${record.answer}: add it as a public name, or devices outside the LAN lose their coordination server.`,
          { path: record.file, line: record.line },
        ),
      );
    }
  }
  return out;
}
