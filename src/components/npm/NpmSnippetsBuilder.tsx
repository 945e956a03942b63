import './npm.css';
import { useMemo, useRef } from 'preact/hooks';
import { sortDiagnostics, type Diagnostic } from '../../lib/core';
import {
  NPM_TOGGLES,
  defaultNpmForm,
  emptyNpmHostForm,
  entryLines,
  fieldDiagnostics,
  fieldOf,
  generateNpmSnippets,
  normalizeNpmForm,
  npmFormFromOptions,
  npmOptionsFromForm,
  replaceEntry,
  type NpmForm,
  type NpmHostForm,
  type NpmToggle,
} from '../../lib/npm';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { OutputPanel } from '../builder/OutputPanel';
import { StateBar } from '../builder/StateBar';
import { RowActions } from '../builder/RowActions';
import { TextField as KitTextField } from '../builder/TextField';
import { announce } from '../builder/announce';
import { stamp } from '../builder/provenance';
import { useBuilderState } from '../builder/useBuilderState';
import { ProfilePanel } from '../builder/ProfilePanel';
import { toNpmOptions } from '../../lib/profile/model';

const SCHEMA = { version: 1, secretKeys: [] };

const TOGGLES: Record<NpmToggle, string> = {
  cacheAssets: 'Cache Assets (Details tab)',
  websocketsToggle: 'Websockets Support (Details tab)',
  accessList: 'An Access List is selected (Details tab)',
  hsts: 'HSTS Enabled (SSL tab)',
  hstsSubdomains: 'HSTS Subdomains (SSL tab)',
  securityHeaders: 'Add security headers in the snippet',
};

/** Errors and warnings shown on the field itself; `lines` maps entry indexes to line numbers for one-per-line fields. */
function Messages({
  id,
  items,
  lines,
  onFix,
}: {
  id: string;
  items: Diagnostic[];
  lines?: number[];
  onFix?: (d: Diagnostic) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="field-messages" id={id}>
      {items.map((d) => {
        const entry = fieldOf(d.path)?.entry;
        const line = entry !== undefined ? lines?.[entry] : undefined;
        return (
          <li class={`field-${d.severity}`} data-code={d.code}>
            <strong>{d.severity === 'error' ? 'Error' : 'Warning'}:</strong> {line !== undefined && `Line ${line}: `}
            {d.message}
            {d.fix !== undefined && onFix && (
              <button type="button" class="link-button" onClick={() => onFix(d)}>
                Use {d.fix}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

interface TextProps {
  id: string;
  path: string;
  label: string;
  hint?: string;
  value: string;
  multiline?: boolean;
  diagnostics: Diagnostic[];
  onInput: (value: string) => void;
  onFix: (d: Diagnostic) => void;
}

function TextField({ id, path, label, hint, value, multiline, diagnostics, onInput, onFix }: TextProps) {
  const items = fieldDiagnostics(diagnostics, path);
  return (
    <KitTextField
      id={id}
      path={path}
      label={label}
      hint={hint}
      value={value}
      multiline={multiline}
      describedBy={items.length ? `${id}-msg` : undefined}
      invalid={items.some((d) => d.severity === 'error')}
      onInput={onInput}
    >
      <Messages id={`${id}-msg`} items={items} lines={multiline ? entryLines(value) : undefined} onFix={onFix} />
    </KitTextField>
  );
}

interface CheckProps {
  id: string;
  path: string;
  label: string;
  checked: boolean;
  diagnostics: Diagnostic[];
  onChange: (checked: boolean) => void;
}

function Check({ id, path, label, checked, diagnostics, onChange }: CheckProps) {
  const items = fieldDiagnostics(diagnostics, path);
  return (
    <div class="npm-check-wrap">
      <div class="npm-check">
        <input
          type="checkbox"
          id={id}
          data-path={path}
          checked={checked}
          aria-describedby={items.length ? `${id}-msg` : undefined}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={id}>{label}</label>
      </div>
      <Messages id={`${id}-msg`} items={items} />
    </div>
  );
}

/** The NPM toggles and extra paths already set on a host, so a profile update does not wipe them. */
function pickToggles(form: NpmForm, hostname: string): Partial<NpmHostForm> {
  const host = form.hosts.find((h) => h.hostname === hostname);
  if (!host) return {};
  const { paths, customLocations } = host;
  return { paths, customLocations, ...Object.fromEntries(NPM_TOGGLES.map((t) => [t, host[t]])) };
}

export default function NpmSnippetsBuilder() {
  const builder = useBuilderState<NpmForm>('npm', defaultNpmForm, SCHEMA, {
    // Hosts come from the profile's services; NPM toggles already set on a host of the same name are kept.
    fromProfile: (profile, current) => {
      const next = npmFormFromOptions(toNpmOptions(profile));
      return { ...next, hosts: next.hosts.map((h) => ({ ...h, ...pickToggles(current, h.hostname) })) };
    },
  });
  const { setState } = builder;
  // A hand-made link or an old stored copy may lack fields: render from a complete copy.
  const form = useMemo(() => normalizeNpmForm(builder.state), [builder.state]);
  const root = useRef<HTMLDivElement>(null);

  const result = useMemo(() => generateNpmSnippets(npmOptionsFromForm(form)), [form]);
  const files = useMemo(() => stamp(result.files, 'Nginx Proxy Manager 2.15 + Authelia 4.39'), [result]);
  const diagnostics = useMemo(() => sortDiagnostics(result.diagnostics), [result]);

  const update = (patch: Partial<NpmForm>) => setState((prev) => ({ ...normalizeNpmForm(prev), ...patch }));
  const updateHost = (index: number, patch: Partial<NpmHostForm>) =>
    setState((prev) => {
      const f = normalizeNpmForm(prev);
      return { ...f, hosts: f.hosts.map((h, i) => (i === index ? { ...h, ...patch } : h)) };
    });

  /** Applies a diagnostic's suggested value to the field it points at (only when the user asks). */
  const fix = (d: Diagnostic) => {
    const target = fieldOf(d.path);
    if (!target || d.fix === undefined) return;
    const value = d.fix;
    const top = /^(portalUrl|autheliaUpstream|cookieDomain)$/.exec(target.field);
    const host = /^hosts\[(\d+)\]\.(hostname|paths|customLocations)$/.exec(target.field);
    if (top) update({ [top[1]!]: value });
    else if (host) {
      const index = Number(host[1]);
      const key = host[2] as 'hostname' | 'paths' | 'customLocations';
      const current = form.hosts[index]?.[key] ?? '';
      updateHost(index, { [key]: target.entry === undefined ? value : replaceEntry(current, target.entry, value) });
    } else return;
    announce(`Changed to ${value}`);
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= form.hosts.length) return;
    setState((prev) => {
      const f = normalizeNpmForm(prev);
      const hosts = [...f.hosts];
      [hosts[index], hosts[target]] = [hosts[target]!, hosts[index]!];
      return { ...f, hosts };
    });
    announce(`Host ${index + 1} moved to position ${target + 1}`);
    window.requestAnimationFrame(() =>
      root.current?.querySelector<HTMLButtonElement>(`[data-host="${target}"] [data-move="${by}"]`)?.focus(),
    );
  };

  const remove = (index: number) => {
    setState((prev) => {
      const f = normalizeNpmForm(prev);
      return { ...f, hosts: f.hosts.filter((_, i) => i !== index) };
    });
    announce(`Host ${index + 1} removed`);
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLButtonElement>('[data-add-host]')?.focus());
  };

  const add = () => {
    const index = form.hosts.length;
    setState((prev) => {
      const f = normalizeNpmForm(prev);
      return { ...f, hosts: [...f.hosts, emptyNpmHostForm()] };
    });
    announce(`Host ${index + 1} added`);
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`#npm-${index}-hostname`)?.focus());
  };

  return (
    <div class="builder npm-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <div class="builder-row">
        <TextField
          id="npm-portalUrl"
          path="portalUrl"
          label="Portal URL"
          hint="Authelia's login page, e.g. https://auth.example.com"
          value={form.portalUrl}
          diagnostics={diagnostics}
          onInput={(portalUrl) => update({ portalUrl })}
          onFix={fix}
        />
        <TextField
          id="npm-autheliaUpstream"
          path="autheliaUpstream"
          label="Authelia upstream"
          hint="How NPM reaches Authelia, e.g. http://authelia:9091"
          value={form.autheliaUpstream}
          diagnostics={diagnostics}
          onInput={(autheliaUpstream) => update({ autheliaUpstream })}
          onFix={fix}
        />
        <TextField
          id="npm-cookieDomain"
          path="cookieDomain"
          label="Cookie domain"
          hint="Authelia's session cookie domain; empty: the portal's parent domain"
          value={form.cookieDomain}
          diagnostics={diagnostics}
          onInput={(cookieDomain) => update({ cookieDomain })}
          onFix={fix}
        />
      </div>

      <ol class="rule-list" aria-label="Proxy hosts">
        {form.hosts.map((host, i) => (
          <li class="rule" data-host={i} key={i}>
            <fieldset data-path={`hosts[${i}]`} tabIndex={-1}>
              <legend>
                Host {i + 1}
                {host.hostname.trim() && <span class="npm-host-name">: {host.hostname}</span>}
              </legend>
              <div class="rule-grid">
                <TextField
                  id={`npm-${i}-hostname`}
                  path={`hosts[${i}].hostname`}
                  label="Hostname"
                  hint="As in NPM's Domain Names, e.g. app.example.com"
                  value={host.hostname}
                  diagnostics={diagnostics}
                  onInput={(hostname) => updateHost(i, { hostname })}
                  onFix={fix}
                />
                <div class="field">
                  <Check
                    id={`npm-${i}-protected`}
                    path={`hosts[${i}].protected`}
                    label="Protected by Authelia (whole host)"
                    checked={host.protected}
                    diagnostics={diagnostics}
                    onChange={(checked) => updateHost(i, { protected: checked })}
                  />
                  <Check
                    id={`npm-${i}-websockets`}
                    path={`hosts[${i}].websockets`}
                    label="The app uses WebSockets"
                    checked={host.websockets}
                    diagnostics={diagnostics}
                    onChange={(checked) => updateHost(i, { websockets: checked })}
                  />
                </div>
                <TextField
                  id={`npm-${i}-paths`}
                  path={`hosts[${i}].paths`}
                  label="Extra protected paths"
                  hint="One per line, e.g. /admin; on an unprotected host only these are protected"
                  value={host.paths}
                  multiline
                  diagnostics={diagnostics}
                  onInput={(paths) => updateHost(i, { paths })}
                  onFix={fix}
                />
                <fieldset class="npm-npm">
                  <legend>Settings in NPM for this host</legend>
                  <div class="npm-checks">
                    {NPM_TOGGLES.map((key) => (
                      <Check
                        id={`npm-${i}-${key}`}
                        path={`hosts[${i}].${key}`}
                        label={TOGGLES[key]}
                        checked={host[key]}
                        diagnostics={diagnostics}
                        onChange={(checked) => updateHost(i, { [key]: checked })}
                      />
                    ))}
                  </div>
                  <TextField
                    id={`npm-${i}-customLocations`}
                    path={`hosts[${i}].customLocations`}
                    label="Custom Locations tab"
                    hint="The paths defined there, one per line (best left empty)"
                    value={host.customLocations}
                    multiline
                    diagnostics={diagnostics}
                    onInput={(customLocations) => updateHost(i, { customLocations })}
                    onFix={fix}
                  />
                </fieldset>
              </div>
              <RowActions index={i} count={form.hosts.length} noun="host" onMove={move} onRemove={remove} />
            </fieldset>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" data-add-host onClick={add}>
          Add host
        </button>
      </p>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={diagnostics} root={() => root.current} />

      <h3 class="builder-heading">Advanced-tab snippets</h3>
      <OutputPanel id="npm-output" files={files} archiveName="npm-advanced-snippets.zip" label="Advanced-tab snippets" />
      <StateBar builder={builder as never} />
    </div>
  );
}
