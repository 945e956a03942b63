import './dns.css';
import { useMemo, useRef } from 'preact/hooks';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../lib/core';
import {
  DNS_SERVERS,
  defaultInternalDnsOptions,
  generateInternalDns,
  type DnsServer,
  type InternalDnsOptions,
} from '../../lib/dns';
import { toInternalDnsOptions } from '../../lib/profile/model';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { FieldMessages } from '../builder/FieldMessages';
import { OutputPanel } from '../builder/OutputPanel';
import { ProfilePanel } from '../builder/ProfilePanel';
import { StateBar } from '../builder/StateBar';
import { TextField } from '../builder/TextField';
import { announce } from '../builder/announce';
import { stamp } from '../builder/provenance';
import { useBuilderState } from '../builder/useBuilderState';

const SCHEMA = { version: 1, secretKeys: [] };

// Display names for the library's choice values (presentation only; the rules live in src/lib/dns).
const SERVER_LABELS: Record<DnsServer, string> = {
  dnsmasq: 'dnsmasq',
  unbound: 'Unbound',
  pihole: 'Pi-hole',
  adguard: 'AdGuard Home',
  technitium: 'Technitium DNS Server',
};

type TextKey = Exclude<keyof InternalDnsOptions, 'server'>;

const TEXT_LABELS: Record<TextKey, { label: string; hint: string; multiline?: boolean }> = {
  domain: { label: 'Your domain', hint: 'A domain you own, e.g. example.com' },
  zone: { label: 'Internal zone', hint: 'A label such as home gives home.example.com; empty uses the whole domain' },
  serverIp: { label: 'Proxy address on the LAN', hint: 'Where Nginx Proxy Manager listens, e.g. 192.168.1.10' },
  tailnetIp: {
    label: 'Proxy address in the tailnet (optional)',
    hint: 'Its 100.x.y.z address, the split DNS nameserver; empty uses the LAN address through the subnet route',
  },
  internalNames: {
    label: 'Internal names',
    hint: 'Labels such as jellyfin or full names under the zone, one per line or separated by commas; empty writes one wildcard for the whole zone',
    multiline: true,
  },
  publicNames: {
    label: 'Public names to keep public',
    hint: 'Full names under your domain that must keep their public answer, e.g. blog.example.com',
    multiline: true,
  },
  upstreams: {
    label: 'Upstream resolvers',
    hint: 'IP addresses, e.g. 9.9.9.9, 149.112.112.112; empty keeps the server’s own upstream setting',
    multiline: true,
  },
};

/** The options the generator sees: the state as typed, with any field of the wrong type (a hand-made link) defaulted. */
function completeOptions(state: InternalDnsOptions): InternalDnsOptions {
  const options = { ...defaultInternalDnsOptions };
  for (const key of Object.keys(options) as (keyof InternalDnsOptions)[]) {
    const value = state[key];
    if (typeof value === 'string') (options as Record<string, string>)[key] = value;
  }
  if (!DNS_SERVERS.includes(options.server)) options.server = defaultInternalDnsOptions.server;
  return options;
}

export default function InternalDnsBuilder() {
  const builder = useBuilderState<InternalDnsOptions>('internal-dns', defaultInternalDnsOptions, SCHEMA, {
    fromProfile: (profile, current) => ({ ...current, ...toInternalDnsOptions(profile) }),
  });
  const { state, setState } = builder;
  const root = useRef<HTMLDivElement>(null);

  const options = useMemo(() => completeOptions(state), [state]);
  const result = useMemo(() => generateInternalDns(options), [options]);
  const files = useMemo(() => stamp(result.files, SERVER_LABELS[options.server]), [result, options.server]);
  const diagnostics = useMemo(() => sortDiagnostics(result.diagnostics), [result]);
  const byPath = useMemo(() => {
    const map = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) if (d.path) map.set(d.path, [...(map.get(d.path) ?? []), d]);
    return map;
  }, [diagnostics]);

  const set = <K extends keyof InternalDnsOptions>(key: K, value: InternalDnsOptions[K]) =>
    setState((prev) => ({ ...prev, [key]: value }));

  const applyFix = (key: TextKey, fix: string) => {
    set(key, fix);
    announce(`${TEXT_LABELS[key].label} changed to ${fix === '' ? 'empty' : fix}`);
    // The button goes away with the message it answered: keep the keyboard on the field.
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`#dns-${key}`)?.focus());
  };

  const text = (key: TextKey) => {
    const id = `dns-${key}`;
    const items = byPath.get(key) ?? [];
    const { label, hint, multiline } = TEXT_LABELS[key];
    return (
      <TextField
        id={id}
        path={key}
        label={label}
        hint={hint}
        value={options[key]}
        multiline={multiline}
        describedBy={items.length ? `${id}-messages` : undefined}
        invalid={items.some((d) => d.severity === 'error')}
        onInput={(value) => set(key, value)}
      >
        <FieldMessages id={`${id}-messages`} items={items} current={options[key]} onFix={(fix) => applyFix(key, fix)} />
      </TextField>
    );
  };

  const serverItems = byPath.get('server') ?? [];
  const errors = hasErrors(diagnostics);

  return (
    <div class="builder dns-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />

      <fieldset class="dns-group">
        <legend>Your names</legend>
        <div class="builder-row">
          {text('domain')}
          {text('zone')}
        </div>
        <div class="builder-row">
          {text('serverIp')}
          {text('tailnetIp')}
        </div>
      </fieldset>

      <fieldset class="dns-group">
        <legend>Which names answer at home</legend>
        <div class="builder-row">
          {text('internalNames')}
          {text('publicNames')}
        </div>
      </fieldset>

      <fieldset class="dns-group">
        <legend>DNS server</legend>
        <div class="builder-row">
          <div class="field">
            <label for="dns-server">Server that holds the records</label>
            <select
              id="dns-server"
              data-path="server"
              value={options.server}
              aria-describedby={serverItems.length ? 'dns-server-messages' : undefined}
              onChange={(e) => set('server', (e.currentTarget as HTMLSelectElement).value as DnsServer)}
            >
              {DNS_SERVERS.map((value) => (
                <option value={value}>{SERVER_LABELS[value]}</option>
              ))}
            </select>
            <FieldMessages id="dns-server-messages" items={serverItems} />
          </div>
          {text('upstreams')}
        </div>
      </fieldset>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={diagnostics} root={() => root.current} />

      <h3 class="builder-heading">Your DNS records</h3>
      {errors && (
        <p class="dns-incomplete">Fix the errors above first: until then the files below leave out whatever is in error.</p>
      )}
      <OutputPanel id="dns-output" files={files} archiveName={`internal-dns-${options.server}.zip`} />
      <StateBar builder={builder as never} />
    </div>
  );
}
