import './tailscale.css';
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../lib/core';
import {
  applicableFields,
  completeTailscaleOptions,
  defaultTailscaleOptions,
  generateTailscale,
  tailscalePresets,
  TAILSCALE_CHOICES,
  type Approval,
  type ClientOs,
  type Coordination,
  type RouterFirewall,
  type RouterPlatform,
  type TailscaleOptions,
  type TailscaleRole,
} from '../../lib/tailscale';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { FieldMessages } from '../builder/FieldMessages';
import { OutputPanel } from '../builder/OutputPanel';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { useBuilderState } from '../builder/useBuilderState';
import { PresetPicker } from '../builder/PresetPicker';
import { ProfilePanel } from '../builder/ProfilePanel';
import { toTailscaleOptions } from '../../lib/profile/model';
import { stamp } from '../builder/provenance';

const SCHEMA = { version: 1, secretKeys: [] };

// Display names for the library's choice values (presentation only; the rules live in src/lib/tailscale).
const ROLE_LABELS: Record<TailscaleRole, string> = {
  'subnet-router': 'Subnet router: reach my LAN',
  'exit-node': 'Exit node: send internet traffic home',
  both: 'Subnet router and exit node',
  client: 'Client only: use routes or an exit node',
};
const OS_LABELS: Record<ClientOs, string> = {
  linux: 'Linux',
  macos: 'macOS',
  windows: 'Windows',
  ios: 'iOS',
  android: 'Android',
};
const PLATFORM_LABELS: Record<RouterPlatform, string> = {
  host: 'Installed on the machine or VM',
  docker: 'Docker container (official image)',
  lxc: 'Proxmox LXC container',
};
const COORDINATION_LABELS: Record<Coordination, string> = {
  tailscale: 'Tailscale (login.tailscale.com)',
  headscale: 'Headscale (self-hosted)',
};
const FIREWALL_LABELS: Record<RouterFirewall, string> = {
  none: 'None, or managed by hand',
  firewalld: 'firewalld',
  ufw: 'ufw',
};
const APPROVAL_LABELS: Record<Approval, string> = {
  console: 'By hand, once',
  autoApprovers: 'Automatically (autoApprovers)',
};

type TextKey = 'routes' | 'hostname' | 'tags' | 'loginServer' | 'headscaleUser' | 'exitNode';
type BoolKey = 'ipv6' | 'snatSubnetRoutes' | 'ssh' | 'udpGro' | 'acceptRoutes' | 'useExitNode' | 'exitNodeAllowLanAccess';
type ChoiceKey = keyof typeof TAILSCALE_CHOICES;

const TEXT_LABELS: Record<TextKey, { label: string; hint: string }> = {
  routes: {
    label: 'Routes to advertise (--advertise-routes)',
    hint: 'Your LAN in CIDR form; several separated by commas, no spaces, e.g. 192.168.1.0/24,10.20.0.0/24',
  },
  hostname: { label: 'Router name (--hostname)', hint: 'Its name in the tailnet; empty keeps the OS hostname' },
  tags: { label: 'Tags (--advertise-tags)', hint: 'Optional, comma-separated, e.g. tag:router; needed for autoApprovers' },
  loginServer: { label: 'Headscale server URL (--login-server)', hint: 'e.g. https://headscale.example.com' },
  headscaleUser: { label: 'Headscale user', hint: 'Owns the tags in the Headscale policy' },
  exitNode: {
    label: 'Exit node the clients use (--exit-node)',
    hint: "Machine name or Tailscale IP; empty uses the router's name",
  },
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export default function TailscaleBuilder() {
  const builder = useBuilderState<TailscaleOptions>('tailscale', defaultTailscaleOptions, SCHEMA, {
    fromProfile: (profile, current) => ({ ...current, ...toTailscaleOptions(profile) }),
  });
  const { state, setState } = builder;
  const root = useRef<HTMLDivElement>(null);
  const [preset, setPreset] = useState(tailscalePresets[0]!.id);

  // The state keeps every field exactly as typed; a hand-made link with odd values still renders and generates.
  const options = useMemo(() => completeTailscaleOptions(state), [state]);
  const result = useMemo(() => generateTailscale(options), [options]);
  const files = useMemo(() => stamp(result.files, 'Tailscale 1.80+'), [result]);
  const diagnostics = useMemo(() => sortDiagnostics(result.diagnostics), [result]);
  const byPath = useMemo(() => {
    const map = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) if (d.path) map.set(d.path, [...(map.get(d.path) ?? []), d]);
    return map;
  }, [diagnostics]);

  const set = <K extends keyof TailscaleOptions>(key: K, value: TailscaleOptions[K]) =>
    setState((prev) => ({ ...prev, [key]: value }));

  const applyFix = (key: TextKey, fix: string) => {
    set(key, fix);
    announce(`${TEXT_LABELS[key].label.replace(/ \(.*\)$/, '')} changed to ${fix === '' ? 'empty' : fix}`);
    // The button goes away with the error it fixed: keep the keyboard on the field.
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLInputElement>(`#ts-${key}`)?.focus());
  };

  const loadPreset = () => {
    const chosen = tailscalePresets.find((p) => p.id === preset);
    if (!chosen) return;
    const differs = JSON.stringify(options) !== JSON.stringify(chosen.options);
    if (differs && !window.confirm('Replace your current settings with this example?')) return;
    setState({ ...chosen.options });
    announce(`Loaded example: ${chosen.label}`);
  };

  const text = (key: TextKey) => {
    const id = `ts-${key}`;
    const items = byPath.get(key) ?? [];
    const messagesId = items.length ? `${id}-messages` : undefined;
    return (
      <div class="field">
        <label for={id}>{TEXT_LABELS[key].label}</label>
        <input
          id={id}
          type="text"
          data-path={key}
          value={options[key]}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-invalid={items.some((d) => d.severity === 'error') ? 'true' : undefined}
          aria-describedby={describedBy(`${id}-hint`, messagesId)}
          onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)}
        />
        <p class="field-hint" id={`${id}-hint`}>
          {TEXT_LABELS[key].hint}
        </p>
        <FieldMessages id={`${id}-messages`} items={items} current={options[key]} onFix={(fix) => applyFix(key, fix)} />
      </div>
    );
  };

  const select = <K extends ChoiceKey>(key: K, label: string, labels: Record<(typeof TAILSCALE_CHOICES)[K][number], string>) => {
    const id = `ts-${key}`;
    const items = byPath.get(key) ?? [];
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <select
          id={id}
          data-path={key}
          value={options[key]}
          aria-describedby={items.length ? `${id}-messages` : undefined}
          onChange={(e) => set(key, (e.currentTarget as HTMLSelectElement).value as TailscaleOptions[K])}
        >
          {(TAILSCALE_CHOICES[key] as readonly (typeof TAILSCALE_CHOICES)[K][number][]).map((value) => (
            <option value={value}>{labels[value]}</option>
          ))}
        </select>
        <FieldMessages id={`${id}-messages`} items={items} />
      </div>
    );
  };

  const check = (key: BoolKey, label: ComponentChildren) => {
    const id = `ts-${key}`;
    const items = byPath.get(key) ?? [];
    return (
      <div class="field">
        <label class="ts-check" for={id}>
          <input
            id={id}
            type="checkbox"
            data-path={key}
            checked={options[key]}
            aria-describedby={items.length ? `${id}-messages` : undefined}
            onChange={(e) => set(key, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{label}</span>
        </label>
        <FieldMessages id={`${id}-messages`} items={items} />
      </div>
    );
  };

  // Which fields apply is the library's decision; this component only lays them out.
  const fields = applicableFields(options);
  const shows = (key: keyof TailscaleOptions) => fields.has(key);
  const isRouter = shows('routes');
  const showExitName = shows('exitNode') || byPath.has('exitNode');
  const errors = hasErrors(diagnostics);

  return (
    <div class="builder ts-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <div class="builder-row">
        <PresetPicker id="ts-preset" presets={tailscalePresets} value={preset} onChange={setPreset} onLoad={loadPreset} />
      </div>

      <fieldset class="ts-group">
        <legend>This device</legend>
        <div class="builder-row">
          {select('role', 'Role', ROLE_LABELS)}
          {shows('os') && select('os', 'Router operating system', OS_LABELS)}
          {shows('platform') && select('platform', 'Where Tailscale runs', PLATFORM_LABELS)}
        </div>
        {isRouter && text('routes')}
        {isRouter && (
          <div class="builder-row">
            {text('hostname')}
            {text('tags')}
          </div>
        )}
      </fieldset>

      <fieldset class="ts-group">
        <legend>Coordination server</legend>
        <div class="builder-row">
          {select('coordination', 'Who runs the control plane', COORDINATION_LABELS)}
          {shows('loginServer') && text('loginServer')}
          {shows('headscaleUser') && text('headscaleUser')}
        </div>
      </fieldset>

      {isRouter && (
        <fieldset class="ts-group">
          <legend>Router setup</legend>
          <div class="builder-row">
            {select('approval', 'Route approval', APPROVAL_LABELS)}
            {select('firewall', 'Firewall on the router (Linux)', FIREWALL_LABELS)}
          </div>
          <div class="builder-row">
            {check('ipv6', 'IPv6 is enabled on the router')}
            {check(
              'snatSubnetRoutes',
              <>
                Masquerade LAN traffic (<code>--snat-subnet-routes</code>, Linux)
              </>,
            )}
            {check(
              'ssh',
              <>
                Tailscale SSH server (<code>--ssh</code>, Linux)
              </>,
            )}
            {check('udpGro', 'Include the UDP GRO throughput tip (Linux)')}
          </div>
        </fieldset>
      )}

      <fieldset class="ts-group">
        <legend>Clients</legend>
        <div class="builder-row">
          {select('clientOs', 'Client operating system', OS_LABELS)}
          {showExitName && text('exitNode')}
        </div>
        <div class="builder-row">
          {shows('acceptRoutes') && check('acceptRoutes', 'Use the advertised subnet routes')}
          {shows('useExitNode') && check('useExitNode', 'Send internet traffic through an exit node')}
          {shows('exitNodeAllowLanAccess') &&
            check('exitNodeAllowLanAccess', 'Keep the local network reachable while on the exit node')}
        </div>
      </fieldset>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={diagnostics} root={() => root.current} />

      <h3 class="builder-heading">Your commands</h3>
      {errors && (
        <p class="ts-incomplete">Fix the errors above first: until then the files below leave out whatever is in error.</p>
      )}
      <OutputPanel id="ts-output" files={files} archiveName="tailscale-commands.zip" />
      <StateBar builder={builder as never} />
    </div>
  );
}
