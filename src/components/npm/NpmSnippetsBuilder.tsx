import { useMemo, useRef } from 'preact/hooks';
import type { Diagnostic } from '../../lib/core';
import { emptyNpmHostForm, normalizeNpmForm, npmBuilder, type NpmForm, type NpmHostForm, type RealIpForm } from '../../lib/npm';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { ProfilePanel } from '../builder/ProfilePanel';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { useBuilder } from '../builder/useBuilder';
import { Text } from './NpmFields';
import { NpmHostRow } from './NpmHostRow';
import { NpmRealIp } from './NpmRealIp';

const TOP_FIELDS = [
  ['portalUrl', 'Portal URL', "Authelia's login page, e.g. https://auth.example.com"],
  ['autheliaUpstream', 'Authelia upstream', 'How NPM reaches Authelia, e.g. http://authelia:9091'],
  ['cookieDomain', 'Cookie domain', "Authelia's session cookie domain; empty: the portal's parent domain"],
] as const;

/** The NPM Advanced-tab snippet builder: layout only; the rules live in src/lib/npm (npmBuilder). */
export default function NpmSnippetsBuilder() {
  const builder = useBuilder(npmBuilder);
  const { setState } = builder;
  // A hand-made link or an old stored copy may lack fields: render from a complete copy.
  const form = useMemo(() => normalizeNpmForm(builder.state), [builder.state]);
  const { diagnostics } = builder;
  const root = useRef<HTMLDivElement>(null);

  const edit = (change: (f: NpmForm) => NpmForm) => setState((prev) => change(normalizeNpmForm(prev)));
  const updateHost = (index: number, patch: Partial<NpmHostForm>) =>
    edit((f) => ({ ...f, hosts: f.hosts.map((h, i) => (i === index ? { ...h, ...patch } : h)) }));
  const updateRealIp = (patch: Partial<RealIpForm>) => edit((f) => ({ ...f, realIp: { ...f.realIp, ...patch } }));

  /** Applies a diagnostic's suggested value (only when the reader asks), through the spec's applyFix. */
  const fix = (d: Diagnostic) => {
    if (builder.fix(d)) announce(`Changed to ${d.fix ?? ''}`);
  };

  const focusLater = (selector: string) =>
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(selector)?.focus());

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= form.hosts.length) return;
    edit((f) => {
      const hosts = [...f.hosts];
      [hosts[index], hosts[target]] = [hosts[target]!, hosts[index]!];
      return { ...f, hosts };
    });
    announce(`Host ${index + 1} moved to position ${target + 1}`);
    focusLater(`[data-host="${target}"] [data-move="${by}"]`);
  };

  const remove = (index: number) => {
    edit((f) => ({ ...f, hosts: f.hosts.filter((_, i) => i !== index) }));
    announce(`Host ${index + 1} removed`);
    focusLater('[data-add-host]');
  };

  const add = () => {
    const index = form.hosts.length;
    edit((f) => ({ ...f, hosts: [...f.hosts, emptyNpmHostForm()] }));
    announce(`Host ${index + 1} added`);
    focusLater(`#npm-${index}-hostname`);
  };

  return (
    <div class="builder npm-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <div class="builder-row">
        {TOP_FIELDS.map(([key, label, hint]) => (
          <Text
            id={`npm-${key}`}
            path={key}
            label={label}
            hint={hint}
            value={form[key]}
            diagnostics={diagnostics}
            onInput={(value) => edit((f) => ({ ...f, [key]: value }))}
            onFix={fix}
          />
        ))}
      </div>

      <ol class="rule-list" aria-label="Proxy hosts">
        {form.hosts.map((host, i) => (
          <NpmHostRow
            key={i}
            index={i}
            count={form.hosts.length}
            host={host}
            diagnostics={diagnostics}
            applies={builder.applies}
            onChange={(patch) => updateHost(i, patch)}
            onFix={fix}
            onMove={move}
            onRemove={remove}
          />
        ))}
      </ol>
      <p>
        <button type="button" data-add-host onClick={add}>
          Add host
        </button>
      </p>

      <NpmRealIp
        value={form.realIp}
        choices={npmBuilder.choices?.['realIp.mode'] ?? []}
        diagnostics={diagnostics}
        applies={builder.applies}
        onChange={updateRealIp}
        onFix={fix}
      />

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={diagnostics} root={() => root.current} />

      <BuilderOutput id="npm" title="Advanced-tab snippets">
        <OutputPanel
          id="npm-output"
          files={builder.files}
          diagnostics={diagnostics}
          root={() => root.current}
          archiveName="npm-advanced-snippets.zip"
          label="Advanced-tab snippets"
        />
      </BuilderOutput>
      <StateBar builder={builder} />
    </div>
  );
}
