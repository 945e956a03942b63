import { useRef } from 'preact/hooks';
import { accessControlBuilder, POLICY_CHOICES, RULE_TEXT_FIELDS, type RuleTextField } from '../../lib/authelia/builder-access';
import { accessControlPresets, emptyRule, type RuleForm } from '../../lib/authelia/form';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { StateBar } from '../builder/StateBar';
import { RowActions } from '../builder/RowActions';
import { TextField } from '../builder/TextField';
import { PresetPicker, usePresetChoice } from '../builder/PresetPicker';
import { announce } from '../builder/announce';
import { useBuilder } from '../builder/useBuilder';
import { ProfilePanel } from '../builder/ProfilePanel';
import { Simulator } from './Simulator';

/** Element id suffix of each rule text field (kept from earlier versions: tests and links point at them). */
const ID_SUFFIX: Record<RuleTextField, string> = {
  domain: 'domain',
  subject: 'subject',
  domainRegex: 'regex',
  networks: 'networks',
  resources: 'resources',
  methods: 'methods',
};
const MORE_FIELDS: RuleTextField[] = ['domainRegex', 'networks', 'resources', 'methods'];

export default function AccessControlBuilder() {
  const builder = useBuilder(accessControlBuilder);
  const { state: form, setState } = builder;
  const root = useRef<HTMLDivElement>(null);
  const [preset, setPreset] = usePresetChoice(
    accessControlPresets,
    form,
    (candidate) => JSON.stringify(candidate.form) === JSON.stringify(form),
  );

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

  const textField = (index: number, rule: RuleForm, key: RuleTextField) => {
    const field = RULE_TEXT_FIELDS[key];
    return (
      <TextField
        id={`ac-${index}-${ID_SUFFIX[key]}`}
        path={`rules[${index}].${field.path}`}
        label={field.label}
        hint={field.hint}
        value={rule[key]}
        multiline={field.multiline}
        onInput={(value) => updateRule(index, { [key]: value })}
      />
    );
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
            {POLICY_CHOICES.map((choice) => (
              <option value={choice.value}>{choice.value}</option>
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
                {textField(i, rule, 'domain')}
                <div class="field">
                  <label for={`ac-${i}-policy`}>Policy</label>
                  <select
                    id={`ac-${i}-policy`}
                    data-path={`rules[${i}].policy`}
                    value={rule.policy}
                    onChange={(e) => updateRule(i, { policy: (e.currentTarget as HTMLSelectElement).value })}
                  >
                    {POLICY_CHOICES.map((choice) => (
                      <option value={choice.value}>{choice.value}</option>
                    ))}
                  </select>
                </div>
                {textField(i, rule, 'subject')}
                <details class="rule-more" open={MORE_FIELDS.some((key) => Boolean(rule[key]))}>
                  <summary>More criteria</summary>
                  {MORE_FIELDS.map((key) => textField(i, rule, key))}
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
      <DiagnosticsList diagnostics={builder.diagnostics} root={() => root.current} />

      <BuilderOutput id="ac" title="Generated configuration">
        <OutputPanel
          id="ac-output"
          files={builder.files}
          diagnostics={builder.diagnostics}
          root={() => root.current}
          archiveName="authelia-access-control.zip"
        />
      </BuilderOutput>
      <StateBar builder={builder} />

      <h3 class="builder-heading">Which rule matches?</h3>
      <Simulator input={builder.input.accessControl} options={builder.input.options} />
    </div>
  );
}
