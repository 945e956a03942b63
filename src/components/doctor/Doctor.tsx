import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILDERS } from '../../lib/builders/registry';
import type { Finding } from '../../lib/doctor';
import { announce } from '../builder/announce';
import { openWithText } from '../builder/handoff';
import { createDoctorRunner, type DoctorOutput, type DoctorRunner } from './runner';

/** Typing pauses this long before the paste is read again. */
const DEBOUNCE_MS = 150;
/** The redacted preview shows at most this much; "Copy redacted" copies all of it. */
const PREVIEW_CHARS = 20_000;

const summaryOf = (count: number, empty: boolean) =>
  empty ? 'Paste something to start.' : count === 0 ? 'No known message found.' : `${count} finding${count === 1 ? '' : 's'}.`;

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 12).join(', ');
  return `${lines.length === 1 ? 'Line' : 'Lines'} ${shown}${lines.length > 12 ? `, and ${lines.length - 12} more` : ''}`;
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

function FindingCard({ finding, index, onOpen }: { finding: Finding; index: number; onOpen: (finding: Finding) => void }) {
  const builder = finding.builder ? BUILDERS.find((entry) => entry.id === finding.builder?.builder) : undefined;
  const headingId = `doctor-finding-${index}`;
  return (
    <li class="doctor-finding" data-finding={finding.id} aria-labelledby={headingId}>
      <h3 id={headingId}>{finding.title}</h3>
      <p class="doctor-lines">{lineList(finding.lines)}</p>
      <p>{finding.cause}</p>
      {finding.details && finding.details.length > 0 && (
        <ul class="doctor-details">
          {finding.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {finding.checks && finding.checks.length > 0 && (
        <>
          <h4>What the builder's checks say</h4>
          <ul class="doctor-checks">
            {finding.checks.map((check, position) => (
              <li key={position} data-severity={check.severity}>
                <strong>{SEVERITY_LABEL[check.severity]}</strong>
                {check.line !== undefined && ` (line ${check.line}${check.column !== undefined ? `:${check.column}` : ''})`}:{' '}
                {check.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Fix</h4>
      <ol class="doctor-fix">
        {finding.fix.map((step) => (
          <li key={step.text}>
            {step.text}
            {step.command && (
              <pre>
                <code>{step.command}</code>
              </pre>
            )}
          </li>
        ))}
      </ol>
      <p class="doctor-links">
        <a href={finding.guide}>Read the guide section</a>
        {builder && finding.builder && (
          <>
            {' · '}
            <a href={builder.page} data-builder={builder.id} data-field={finding.builder.field}>
              Open the {builder.title}
            </a>{' '}
            (field <code>{finding.builder.field}</code>)
          </>
        )}
      </p>
      {builder && finding.handoff && (
        <p class="doctor-handoff">
          <button type="button" class="button" onClick={() => onOpen(finding)}>
            Open this text in the {builder.title}
          </button>{' '}
          (a new tab; the text is handed over inside your browser, never in the link or in storage)
        </p>
      )}
    </li>
  );
}

export default function Doctor() {
  const [text, setText] = useState('');
  const [output, setOutput] = useState<DoctorOutput | undefined>(undefined);
  const runner = useRef<DoctorRunner | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    runner.current = createDoctorRunner(setOutput);
    return () => runner.current?.dispose();
  }, []);

  const onInput = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => runner.current?.run(value), DEBOUNCE_MS);
  };

  const findings = text.trim() && output ? output.findings : [];
  const redacted = text.trim() && output ? output.redacted : '';

  const openInBuilder = (finding: Finding) => {
    const builder = BUILDERS.find((entry) => entry.id === finding.handoff?.builder);
    if (!builder || !finding.handoff) return;
    if (!openWithText(builder.page, finding.handoff.anchor, builder.id, text))
      announce('The browser blocked the new tab; allow pop-ups for this site, or copy the text into the builder yourself');
  };

  const copyRedacted = async () => {
    try {
      await navigator.clipboard.writeText(redacted);
      announce('Redacted copy is on the clipboard');
    } catch {
      announce('Copying failed in this browser; select the redacted text below instead');
    }
  };

  return (
    <div class="doctor">
      <div class="field">
        <label for="doctor-input">Error message, log or config</label>
        <textarea
          id="doctor-input"
          class="doctor-input"
          rows={14}
          spellcheck={false}
          autocomplete="off"
          aria-describedby="doctor-input-hint"
          placeholder="auth request unexpected status: 502 while sending to client…"
          value={text}
          onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="field-hint" id="doctor-input-hint">
          Paste anything: docker logs (also in JSON form), nginx's error log, tailscale status, sshd -t output, a configuration
          file. It is read in this page only; nothing is sent or stored.
        </p>
      </div>
      <p class="doctor-summary" id="doctor-summary" role="status" aria-live="polite">
        {summaryOf(findings.length, !text.trim())}
      </p>
      {findings.length > 0 && (
        <ol class="doctor-findings" aria-label="Findings">
          {findings.map((finding, index) => (
            <FindingCard key={finding.id} finding={finding} index={index} onOpen={openInBuilder} />
          ))}
        </ol>
      )}
      {redacted && (
        <section class="doctor-redacted" aria-labelledby="doctor-redacted-title">
          <h2 id="doctor-redacted-title">Share it safely</h2>
          <p>
            Domains, IP addresses, e-mail addresses, secrets, hashes and tokens are replaced with placeholders (the same value
            always gets the same one), so you can post the text in a forum.
          </p>
          <button type="button" class="button" onClick={() => void copyRedacted()}>
            Copy redacted
          </button>
          <details>
            <summary>Show the redacted text</summary>
            <pre class="doctor-redacted-text" tabIndex={0} aria-label="Redacted text">
              {redacted.length > PREVIEW_CHARS ? `${redacted.slice(0, PREVIEW_CHARS)}\n…` : redacted}
            </pre>
          </details>
        </section>
      )}
    </div>
  );
}
