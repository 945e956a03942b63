import { useMemo, useRef, useState } from 'preact/hooks';
import { generateAccessControl } from '../../lib/authelia/access-control';
import {
  accessControlFromForm,
  accessControlPresets,
  defaultAccessControlForm,
  emptyRule,
  type AccessControlForm,
  type RuleForm,
} from '../../lib/authelia/form';
import { sortDiagnostics } from '../../lib/core';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { OutputPanel } from '../builder/OutputPanel';
import { StateBar } from '../builder/StateBar';
import { RowActions } from '../builder/RowActions';
import { TextField } from '../builder/TextField';
import { PresetPicker } from '../builder/PresetPicker';
import { announce } from '../builder/announce';
import { useBuilderState } from '../builder/useBuilderState';
import { ProfilePanel } from '../builder/ProfilePanel';
import { toAccessControlForm } from '../../lib/profile/model';
import { stamp } from '../builder/provenance';
import { Simulator } from './Simulator';

const POLICIES = ['deny', 'bypass', 'one_factor', 'two_factor'];
const SCHEMA = { version: 1, secretKeys: [] };

export default function AccessControlBuilder({ portalDomain = 'auth.example.com' }: { portalDomain?: string }) {
  const builder = useBuilderState<AccessControlForm>('access', defaultAccessControlForm, SCHEMA, {
    fromProfile: (profile) => toAccessControlForm(profile),
  });
  const { state: form, setState } = builder;
  const root = useRef<HTMLDivElement>(null);
  const [preset, setPreset] = useState(accessControlPresets[0]!.id);

  const input = useMemo(() => accessControlFromForm(form), [form]);
  const result = useMemo(() => generateAccessControl(input, { portalDomain }), [input, portalDomain]);
  const files = useMemo(() => stamp(result.files, 'Authelia 4.39'), [result]);
  const diagnostics = useMemo(() => sortDiagnostics(result.diagnostics), [result]);

  const updateRule = (index: number, patch: Partial<RuleForm>) =>
    setState((prev) => ({ ...prev, rules: prev.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= form.rules.length) return;
    setState((prev) => {
      const rules = [...prev.rules];
      [rules[index], rules[target]] = [rules[target]!, rules[index]!];
      return { ...prev, rules };
    });
    announce(`Rule ${index + 1} moved to position ${target + 1}`);
    // Keep focus on the same button of the moved rule.
    window.requestAnimationFrame(() =>
      root.current?.querySelector<HTMLButtonElement>(`[data-rule="${target}"] [data-move="${by}"]`)?.focus(),
    );
  };

  const remove = (index: number) => {
    setState((prev) => ({ ...prev, rules: prev.rules.filter((_, i) => i !== index) }));
    announce(`Rule ${index + 1} removed`);
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLButtonElement>('[data-add-rule]')?.focus());
  };

  const add = () => {
    setState((prev) => ({ ...prev, rules: [...prev.rules, { ...emptyRule }] }));
    const index = form.rules.length;
    announce(`Rule ${index + 1} added`);
    window.requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`#ac-${index}-domain`)?.focus());
  };

  const loadPreset = () => {
    const chosen = accessControlPresets.find((p) => p.id === preset);
    if (!chosen) return;
    if (JSON.stringify(form) !== JSON.stringify(chosen.form) && !window.confirm('Replace your rules with this example?')) return;
    setState(chosen.form);
    announce(`Loaded example: ${chosen.label}`);
  };

  return (
    <div class="builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <div class="builder-row">
        <PresetPicker id="ac-preset" presets={accessControlPresets} value={preset} onChange={setPreset} onLoad={loadPreset} />
        <div class="field">
          <label for="ac-default">Default policy (when no rule matches)</label>
          <select
            id="ac-default"
            data-path="default_policy"
            value={form.defaultPolicy}
            onChange={(e) => setState((prev) => ({ ...prev, defaultPolicy: (e.currentTarget as HTMLSelectElement).value }))}
          >
            {POLICIES.map((p) => (
              <option value={p}>{p}</option>
            ))}
          </select>
        </div>
      </div>

      <ol class="rule-list" aria-label="Rules, first match wins">
        {form.rules.map((rule, i) => (
          <li class="rule" data-rule={i} key={i}>
            <fieldset data-path={`rules[${i}]`} tabIndex={-1}>
              <legend>Rule {i + 1}</legend>
              <div class="rule-grid">
                <TextField
                  id={`ac-${i}-domain`}
                  path={`rules[${i}].domain`}
                  label="Domains"
                  hint="One per line, e.g. app.example.com or *.example.com"
                  value={rule.domain}
                  multiline
                  onInput={(domain) => updateRule(i, { domain })}
                />
                <div class="field">
                  <label for={`ac-${i}-policy`}>Policy</label>
                  <select
                    id={`ac-${i}-policy`}
                    data-path={`rules[${i}].policy`}
                    value={rule.policy}
                    onChange={(e) => updateRule(i, { policy: (e.currentTarget as HTMLSelectElement).value })}
                  >
                    {POLICIES.map((p) => (
                      <option value={p}>{p}</option>
                    ))}
                  </select>
                </div>
                <TextField
                  id={`ac-${i}-subject`}
                  path={`rules[${i}].subject`}
                  label="Subjects (optional)"
                  hint="One alternative per line: user:name, group:name or oauth2:client:id; join with & when all must hold"
                  value={rule.subject}
                  multiline
                  onInput={(subject) => updateRule(i, { subject })}
                />
                <details class="rule-more" open={Boolean(rule.domainRegex || rule.networks || rule.resources || rule.methods)}>
                  <summary>More criteria</summary>
                  <TextField
                    id={`ac-${i}-regex`}
                    path={`rules[${i}].domain_regex`}
                    label="Domain regular expressions"
                    hint="One per line (Go RE2 syntax)"
                    value={rule.domainRegex}
                    multiline
                    onInput={(domainRegex) => updateRule(i, { domainRegex })}
                  />
                  <TextField
                    id={`ac-${i}-networks`}
                    path={`rules[${i}].networks`}
                    label="Networks"
                    hint="CIDRs or named networks, one per line, e.g. 192.168.1.0/24"
                    value={rule.networks}
                    multiline
                    onInput={(networks) => updateRule(i, { networks })}
                  />
                  <TextField
                    id={`ac-${i}-resources`}
                    path={`rules[${i}].resources`}
                    label="Resources (path regular expressions)"
                    hint="One per line, e.g. ^/api([/?].*)?$"
                    value={rule.resources}
                    multiline
                    onInput={(resources) => updateRule(i, { resources })}
                  />
                  <TextField
                    id={`ac-${i}-methods`}
                    path={`rules[${i}].methods`}
                    label="HTTP methods"
                    hint="Comma-separated, e.g. GET, HEAD"
                    value={rule.methods}
                    onInput={(methods) => updateRule(i, { methods })}
                  />
                </details>
              </div>
              <RowActions index={i} count={form.rules.length} noun="rule" onMove={move} onRemove={remove} />
            </fieldset>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" data-add-rule onClick={add}>
          Add rule
        </button>
      </p>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={diagnostics} root={() => root.current} />

      <h3 class="builder-heading">Generated configuration</h3>
      <OutputPanel id="ac-output" files={files} archiveName="authelia-access-control.zip" />
      <StateBar builder={builder as never} />

      <h3 class="builder-heading">Which rule matches?</h3>
      <Simulator input={input} />
    </div>
  );
}
