import { splitList } from '../../lib/core/list';
import { useMemo, useState } from 'preact/hooks';
import type { AccessControlOptions } from '../../lib/authelia/access-control';
import { exampleRequestUrl } from '../../lib/authelia/access-control/example-request';
import { OUTCOME_LABELS, policyVerdict, simulatorVerdict } from '../../lib/authelia/builder-access';
import { matchRequest } from '../../lib/authelia/match';

interface Props {
  /** The access_control input the builder generates from. */
  input: unknown;
  /** The builder's options (portal, cookie domains, network definitions). */
  options?: AccessControlOptions;
}

/** "Which rule matches?" — asks the pure simulator and shows its verdict per rule. */
export function Simulator({ input, options = {} }: Props) {
  // Until the reader types a URL, the request goes to a host the current rules (or the profile behind them) name.
  const [typedUrl, setUrl] = useState<string | undefined>();
  const url = typedUrl ?? exampleRequestUrl(input);
  const [method, setMethod] = useState('GET');
  const [username, setUsername] = useState('');
  const [groups, setGroups] = useState('');
  const [clientId, setClientId] = useState('');
  const [ip, setIp] = useState('');

  const result = useMemo(
    () =>
      matchRequest(
        input,
        {
          url: url.trim(),
          method: method.trim() || undefined,
          username: username.trim() || undefined,
          groups: splitList(groups),
          clientId: clientId || undefined,
          ip: ip.trim() || undefined,
        },
        options,
      ),
    [input, options, url, method, username, groups, clientId, ip],
  );

  const verdict = simulatorVerdict(result);
  const text = (set: (v: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value);
  return (
    <div class="simulator">
      <div class="builder-row">
        <div class="field">
          <label for="sim-url">Request URL</label>
          <input id="sim-url" type="url" value={url} onInput={text(setUrl)} spellcheck={false} autocomplete="off" />
        </div>
        <div class="field">
          <label for="sim-method">Method</label>
          <input id="sim-method" type="text" value={method} onInput={text(setMethod)} autocomplete="off" />
        </div>
        <div class="field">
          <label for="sim-user">Username (empty = not logged in)</label>
          <input id="sim-user" type="text" value={username} onInput={text(setUsername)} autocomplete="off" />
        </div>
        <div class="field">
          <label for="sim-groups">Groups (comma-separated)</label>
          <input id="sim-groups" type="text" value={groups} onInput={text(setGroups)} autocomplete="off" />
        </div>
        <div class="field">
          <label for="sim-client">OAuth2 client id (client-credentials token, optional)</label>
          <input id="sim-client" type="text" value={clientId} onInput={text(setClientId)} spellcheck={false} autocomplete="off" />
        </div>
        <div class="field">
          <label for="sim-ip">Client IP (optional)</label>
          <input id="sim-ip" type="text" value={ip} onInput={text(setIp)} autocomplete="off" />
        </div>
      </div>
      <p class="simulator-verdict" role="status" aria-live="polite">
        {verdict && (
          <>
            <span class={`policy-badge policy-${verdict.tone}`} data-tone={verdict.tone}>
              <span aria-hidden="true">{verdict.icon}</span> {verdict.label}
            </span>{' '}
          </>
        )}
        {result.summary}
        {result.differs && (
          <>
            {' '}
            <span class="simulator-differs" data-differs>
              Unlike Authelia: {result.differs}
            </span>
          </>
        )}
      </p>
      {result.diagnostics.length > 0 && (
        <ul class="simulator-problems">
          {result.diagnostics.map((d) => (
            <li>{d.message}</li>
          ))}
        </ul>
      )}
      {result.evaluated && result.rules.length > 0 && (
        <div class="table-scroll">
          <table class="simulator-table">
            <caption class="sr-only">How each rule treats this request</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Policy</th>
                <th scope="col">Result</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {result.rules.map((r) => (
                <tr data-outcome={r.outcome} aria-current={r.index === result.matchedRule ? 'true' : undefined}>
                  <td>{r.descriptor}</td>
                  <td data-label="Policy">
                    <code class={`policy-chip policy-${policyVerdict(r.policy)?.tone ?? 'unknown'}`}>{r.policy}</code>
                  </td>
                  <td data-label="Result">
                    {OUTCOME_LABELS[r.outcome]}
                    {r.index === result.matchedRule ? ' (decides)' : ''}
                  </td>
                  <td data-label="Why">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
