import './compose.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding, SplitOptions } from '../../lib/compose';
import { samples } from '../../lib/compose/samples';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { OutputPanel } from '../builder/OutputPanel';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { stamp } from '../builder/provenance';
import { useBuilderState } from '../builder/useBuilderState';
import { createSplitter, type SplitOutput, type Splitter } from './splitter';

interface SplitterState {
  /** The pasted compose file, exactly as typed. It holds secrets: never in a link, in storage only after the opt-in. */
  composeSource: string;
  mode: 'env' | 'secrets';
  secretSource: 'environment' | 'file';
  /** Finding id → move (true) or keep inline (false); only the choices that differ from detection. */
  move: Record<string, boolean>;
}

const DEFAULTS: SplitterState = { composeSource: '', mode: 'env', secretSource: 'environment', move: {} };
const SCHEMA = { version: 1, secretKeys: ['composeSource'] };
/** Show "working" only when a result takes noticeably long (a very large paste). */
const SLOW_MS = 300;

/** Options for the splitter from state that may come from a hand-edited link. */
function splitOptions(state: SplitterState): SplitOptions {
  const move: Record<string, boolean> = {};
  for (const [id, value] of Object.entries(state.move ?? {})) if (typeof value === 'boolean') move[id] = value;
  return {
    mode: state.mode === 'secrets' ? 'secrets' : 'env',
    secretSource: state.secretSource === 'file' ? 'file' : 'environment',
    move,
  };
}

/** Offset of a 1-based line:column in the text. */
function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

interface FindingItemProps {
  finding: Finding;
  index: number;
  checked: boolean;
  onToggle: (finding: Finding, move: boolean) => void;
}

/** One environment value: key, service(s), line and the reason, never the value itself. */
function FindingItem({ finding: f, index, checked, onToggle }: FindingItemProps) {
  const id = `cs-finding-${index}`;
  const name = (
    <span class="compose-finding-name">
      <code>{f.key}</code> in {f.services.join(', ')} <span class="compose-finding-line">(line {f.line})</span>
    </span>
  );
  if (!f.movable) {
    return (
      <li class="compose-finding compose-finding-fixed" data-path={f.id} tabIndex={-1}>
        <span>
          {name}
          <span class="compose-finding-reason">Stays in the compose file: {f.reason}</span>
        </span>
      </li>
    );
  }
  return (
    <li class="compose-finding">
      <input
        type="checkbox"
        id={id}
        data-path={f.id}
        checked={checked}
        onChange={(e) => onToggle(f, (e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>
        {name}
        <span class="compose-finding-reason">{f.reason}</span>
      </label>
    </li>
  );
}

export default function ComposeSplitter() {
  const builder = useBuilderState<SplitterState>('compose', DEFAULTS, SCHEMA);
  const { state, setState } = builder;
  const root = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const others = useRef<HTMLDetailsElement>(null);
  const splitter = useRef<Splitter | undefined>(undefined);
  const delivered = useRef(0);
  const [output, setOutput] = useState<SplitOutput | undefined>();
  const [slow, setSlow] = useState(false);
  const [sample, setSample] = useState(samples[0]!.id);

  const options = useMemo(() => splitOptions(state), [state.mode, state.secretSource, state.move]);

  // Split in the same task as the keystroke (a layout effect runs before paint), so the output follows typing.
  useLayoutEffect(() => {
    splitter.current ??= createSplitter((out) => {
      delivered.current = out.id;
      setOutput(out);
      setSlow(false);
    });
    const requested = splitter.current.run(state.composeSource, options);
    const timer = window.setTimeout(() => {
      if (delivered.current < requested) setSlow(true);
    }, SLOW_MS);
    return () => window.clearTimeout(timer);
  }, [state.composeSource, options]);

  useEffect(
    () => () => {
      splitter.current?.dispose();
      splitter.current = undefined;
    },
    [],
  );

  const blank = !output?.generated;
  const files = useMemo(() => (output?.generated ? stamp(output.files, 'Docker Compose v2') : []), [output]);
  const findings = output?.findings ?? [];
  const secrets = findings.filter((f) => f.secret);
  const otherValues = findings.filter((f) => !f.secret);
  const isMoved = (f: Finding) => f.movable && (options.move?.[f.id] ?? f.secret);
  const movedCount = findings.filter(isMoved).length;
  const sourceErrors = (output?.diagnostics ?? []).filter((d) => d.severity === 'error');
  const firstError = sourceErrors[0];
  const chosenSample = samples.find((s) => s.id === sample);

  // The splitter library loads on the first sign of use rather than with the page.
  const warm = () => splitter.current?.warm();

  const setSource = (composeSource: string) => setState((prev) => ({ ...prev, composeSource }));

  const toggle = (f: Finding, move: boolean) =>
    setState((prev) => {
      const next = { ...prev.move };
      if (move === f.secret) delete next[f.id];
      else next[f.id] = move;
      return { ...prev, move: next };
    });

  const loadSample = () => {
    if (!chosenSample) return;
    const current = state.composeSource;
    if (current.trim() && current !== chosenSample.compose && !window.confirm('Replace the text in the box with this sample?'))
      return;
    setState((prev) => ({ ...prev, composeSource: chosenSample.compose, move: {} }));
    announce(`Loaded sample: ${chosenSample.title}`);
  };

  const goToLine = (line: number, column?: number) => {
    const el = textarea.current;
    if (!el) return;
    const at = offsetOf(el.value, line, column);
    el.focus();
    el.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 1) * lineHeight - el.clientHeight / 2);
  };

  // "Go to field" may point at a value listed under "Other values": open that list first so the field can take focus.
  const rootForDiagnostics = () => {
    if (others.current) others.current.open = true;
    return root.current;
  };

  const summary = slow
    ? 'Working on a large file…'
    : !output || output.diagnostics.some((d) => d.code === 'empty-input')
      ? 'Paste a compose file or load a sample to see its values here.'
      : blank
        ? 'Fix the problem in the pasted text (see above) to see its values.'
        : `${secrets.length} ${secrets.length === 1 ? 'value looks' : 'values look'} secret; ${movedCount} will be moved out of the compose file.`;

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
            onChange={(e) => setSample((e.currentTarget as HTMLSelectElement).value)}
          >
            {samples.map((s) => (
              <option value={s.id}>{s.title}</option>
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

      <div class="field compose-source">
        <label for="cs-source">Your compose file (compose.yaml or docker-compose.yml)</label>
        <textarea
          id="cs-source"
          ref={textarea}
          rows={16}
          value={state.composeSource}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          onFocus={warm}
          aria-invalid={firstError ? true : undefined}
          aria-describedby={firstError ? 'cs-source-error cs-source-hint' : 'cs-source-hint'}
          onInput={(e) => setSource((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {firstError && (
          <p class="compose-source-error" id="cs-source-error">
            {firstError.message}
            {sourceErrors.length > 1 ? ` (${sourceErrors.length - 1} more under Checks.)` : ''}{' '}
            {firstError.line !== undefined && (
              <button type="button" class="link-button" onClick={() => goToLine(firstError.line!, firstError.column)}>
                Go to line {firstError.line}
                {firstError.column !== undefined ? `, column ${firstError.column}` : ''}
              </button>
            )}
          </p>
        )}
        <p class="field-hint" id="cs-source-hint">
          Paste the whole file. It stays in this page: it is never sent anywhere, never put in a share link, and forgotten on
          reload unless you tick “Remember secrets on this device” below.
        </p>
      </div>

      <div class="builder-row">
        <fieldset class="compose-choice">
          <legend>Move the values to</legend>
          <label class="compose-radio">
            <input
              type="radio"
              name="cs-mode"
              value="env"
              checked={options.mode === 'env'}
              onChange={() => setState((prev) => ({ ...prev, mode: 'env' }))}
            />
            .env variables
          </label>
          <label class="compose-radio">
            <input
              type="radio"
              name="cs-mode"
              value="secrets"
              checked={options.mode === 'secrets'}
              onChange={() => setState((prev) => ({ ...prev, mode: 'secrets' }))}
            />
            Docker secrets (…_FILE variables where the image reads them)
          </label>
        </fieldset>
        {options.mode === 'secrets' && (
          <fieldset class="compose-choice">
            <legend>Each secret reads its value from</legend>
            <label class="compose-radio">
              <input
                type="radio"
                name="cs-secret-source"
                value="environment"
                checked={options.secretSource === 'environment'}
                onChange={() => setState((prev) => ({ ...prev, secretSource: 'environment' }))}
              />
              a .env variable (Compose 2.6.0 or later)
            </label>
            <label class="compose-radio">
              <input
                type="radio"
                name="cs-secret-source"
                value="file"
                checked={options.secretSource === 'file'}
                onChange={() => setState((prev) => ({ ...prev, secretSource: 'file' }))}
              />
              a file under secrets/, written by create-secrets.sh
            </label>
          </fieldset>
        )}
      </div>

      <h3 class="builder-heading">Values found</h3>
      <p class="field-hint compose-summary" role="status">
        {summary}
      </p>
      {secrets.length > 0 && (
        <ul class="compose-findings" aria-label="Values that look secret (ticked ones move out)">
          {secrets.map((f) => (
            <FindingItem key={f.id} finding={f} index={findings.indexOf(f)} checked={isMoved(f)} onToggle={toggle} />
          ))}
        </ul>
      )}
      {otherValues.length > 0 && (
        <details class="compose-others" ref={others}>
          <summary>Other environment values ({otherValues.length})</summary>
          <ul class="compose-findings" aria-label="Other environment values (tick one to move it too)">
            {otherValues.map((f) => (
              <FindingItem key={f.id} finding={f} index={findings.indexOf(f)} checked={isMoved(f)} onToggle={toggle} />
            ))}
          </ul>
        </details>
      )}

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={output?.diagnostics ?? []} root={rootForDiagnostics} />

      <h3 class="builder-heading">Generated files</h3>
      <OutputPanel id="cs-output" files={files} archiveName="compose-split.zip" />
      {files.length > 0 && (
        <p class="field-hint">
          Browsers drop the leading dot when they save a single file (.env arrives as env.txt, for example): rename those files
          after downloading, or use Download all, whose .zip keeps every name exactly.
        </p>
      )}
      <StateBar builder={builder as never} hasSecrets />
    </div>
  );
}
