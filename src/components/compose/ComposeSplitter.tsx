import { useMemo, useRef } from 'preact/hooks';
import { samples } from '../../lib/compose/samples';
import {
  canShare,
  COMPOSE_DEFAULTS,
  COMPOSE_SCHEMA,
  MODE_CHOICES,
  SECRET_SOURCE_CHOICES,
  toComposeInput,
  toggleMove,
  type ComposeState,
} from '../../lib/compose/state';
import { isMoved, summarize } from '../../lib/compose/split/summary';
import type { Finding } from '../../lib/compose/split/types';
import { COMPOSE_TARGET } from '../../lib/compose/facts';
import type { Choice } from '../../lib/builders/spec';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { usePresetChoice } from '../builder/PresetPicker';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { useHandoff } from '../builder/handoff';
import { stamp } from '../builder/provenance';
import { useBuilderState } from '../builder/useBuilderState';
import { FindingsList } from './FindingsList';
import { offsetOf, SourceField } from './SourceField';
import { useSplitter } from './useSplitter';

interface ChoiceProps<V extends string> {
  legend: string;
  name: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
}

function RadioChoice<V extends string>({ legend, name, choices, value, onChange }: ChoiceProps<V>) {
  return (
    <fieldset class="compose-choice">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label class="compose-radio">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

function summaryText(findings: readonly Finding[], move: Record<string, boolean> | undefined): string {
  const counts = summarize(findings, move);
  const looks = counts.secret === 1 ? 'value looks' : 'values look';
  const inline = counts.leftInline === 0 ? 'none stays' : `${counts.leftInline} ${counts.leftInline === 1 ? 'stays' : 'stay'}`;
  return `${counts.secret} ${looks} secret; ${counts.moved} will be moved out of the compose file; ${inline} inline.`;
}

export default function ComposeSplitter() {
  const builder = useBuilderState<ComposeState>('compose', COMPOSE_DEFAULTS, COMPOSE_SCHEMA);
  const { state, setState } = builder;
  const root = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const others = useRef<HTMLDetailsElement>(null);
  // After Reset (an empty box) the picker shows the first sample again; after Load, the one loaded.
  const [sample, setSample] = usePresetChoice(
    samples,
    state.composeSource,
    (candidate) => candidate.compose === state.composeSource || (state.composeSource === '' && candidate === samples[0]),
  );
  useHandoff('compose', (composeSource) => setState((prev) => ({ ...prev, composeSource, move: {} })));

  const input = useMemo(() => toComposeInput(state), [state.composeSource, state.mode, state.secretSource, state.move]);
  const { output, slow, warm } = useSplitter(input);
  const options = input.options;

  const files = useMemo(() => (output?.generated ? stamp(output.files, COMPOSE_TARGET) : []), [output]);
  const findings = output?.findings ?? [];
  const indexOf = useMemo(() => new Map(findings.map((finding, index) => [finding, index])), [findings]);
  const secrets = findings.filter((finding) => finding.secret);
  const otherValues = findings.filter((finding) => !finding.secret);
  const moved = (finding: Finding) => isMoved(finding, options.move);
  const sourceErrors = (output?.diagnostics ?? []).filter((diagnostic) => diagnostic.severity === 'error');
  const chosenSample = samples.find((candidate) => candidate.id === sample);

  const toggle = (finding: Finding, move: boolean) => setState((prev) => toggleMove(prev, finding, move));

  const loadSample = () => {
    if (!chosenSample) return;
    const current = state.composeSource;
    if (current.trim() && current !== chosenSample.compose && !window.confirm('Replace the text in the box with this sample?'))
      return;
    setState((prev) => ({ ...prev, composeSource: chosenSample.compose, move: {} }));
    announce(`Loaded sample: ${chosenSample.title}`);
  };

  const goToLine = (line: number, column?: number) => {
    const element = textarea.current;
    if (!element) return;
    const at = offsetOf(element.value, line, column);
    element.focus();
    element.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
    element.scrollTop = Math.max(0, (line - 1) * lineHeight - element.clientHeight / 2);
  };

  // "Go to field" may point at a value listed under "Other values": open that list first so the field can take focus.
  const rootForDiagnostics = () => {
    if (others.current) others.current.open = true;
    return root.current;
  };

  const summary = slow
    ? 'Working on a large file…'
    : !output || output.diagnostics.some((diagnostic) => diagnostic.code === 'empty-input')
      ? 'Paste a compose file or load a sample to see its values here.'
      : !output.generated
        ? 'Fix the problem in the pasted text (see above) to see its values.'
        : summaryText(findings, options.move);

  return (
    <div class="builder compose-splitter" ref={root} data-pagefind-ignore="all">
      <div class="field">
        <label for="cs-sample">Try a sample</label>
        <div class="inline-controls">
          <select
            id="cs-sample"
            value={sample}
            aria-describedby="cs-sample-hint"
            onFocus={warm}
            onChange={(event) => setSample((event.currentTarget as HTMLSelectElement).value)}
          >
            {samples.map((candidate) => (
              <option value={candidate.id}>{candidate.title}</option>
            ))}
          </select>
          <button type="button" onFocus={warm} onClick={loadSample}>
            Load sample
          </button>
        </div>
        <p class="field-hint" id="cs-sample-hint">
          {chosenSample?.description}
        </p>
      </div>

      <SourceField
        value={state.composeSource}
        textarea={textarea}
        errors={sourceErrors}
        onFocus={warm}
        onInput={(composeSource) => setState((prev) => ({ ...prev, composeSource }))}
        goToLine={goToLine}
      />

      <div class="builder-row">
        <RadioChoice
          legend="Move the values to"
          name="cs-mode"
          choices={MODE_CHOICES}
          value={options.mode ?? 'env'}
          onChange={(mode) => setState((prev) => ({ ...prev, mode }))}
        />
        {options.mode === 'secrets' && (
          <RadioChoice
            legend="Each secret reads its value from"
            name="cs-secret-source"
            choices={SECRET_SOURCE_CHOICES}
            value={options.secretSource ?? 'environment'}
            onChange={(secretSource) => setState((prev) => ({ ...prev, secretSource }))}
          />
        )}
      </div>

      <h3 class="builder-heading">Values found</h3>
      <p class="field-hint compose-summary" role="status">
        {summary}
      </p>
      {secrets.length > 0 && (
        <FindingsList
          label="Values that look secret (ticked ones move out)"
          findings={secrets}
          indexOf={indexOf}
          isMoved={moved}
          onToggle={toggle}
        />
      )}
      {otherValues.length > 0 && (
        <details class="compose-others" ref={others}>
          <summary>Other environment values and labels ({otherValues.length})</summary>
          <FindingsList
            label="Other environment values and labels (tick one to move it too)"
            findings={otherValues}
            indexOf={indexOf}
            isMoved={moved}
            onToggle={toggle}
          />
        </details>
      )}

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={output?.diagnostics ?? []} root={rootForDiagnostics} />

      <BuilderOutput id="cs" title="Generated files">
        <OutputPanel
          id="cs-output"
          files={files}
          diagnostics={output?.diagnostics ?? []}
          root={rootForDiagnostics}
          archiveName="compose-split.zip"
        />
        {files.length > 0 && (
          <p class="field-hint">
            Browsers drop the leading dot when they save a single file (.env arrives as env.txt, for example): rename those files
            after downloading, or use Download all, whose .zip keeps every name exactly.
          </p>
        )}
      </BuilderOutput>
      <StateBar builder={builder} hasSecrets canShare={canShare(state)} />
    </div>
  );
}
