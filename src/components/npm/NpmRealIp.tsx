/** The real-client-IP section of the NPM builder: what sits in front of NPM, and the addresses to trust. Layout only. */
import type { Choice } from '../../lib/builders/spec';
import type { Diagnostic } from '../../lib/core';
import { fieldDiagnostics, type RealIpForm, type RealIpMode } from '../../lib/npm';
import { Messages, Text } from './NpmFields';

interface Props {
  value: RealIpForm;
  choices: readonly Choice[];
  diagnostics: readonly Diagnostic[];
  applies: (path: string) => boolean;
  onChange: (patch: Partial<RealIpForm>) => void;
  onFix: (d: Diagnostic) => void;
}

export function NpmRealIp({ value, choices, diagnostics, applies, onChange, onFix }: Props) {
  const modeItems = fieldDiagnostics(diagnostics, 'realIp.mode');
  return (
    <fieldset class="npm-npm npm-realip" data-path="realIp">
      <legend>Real client IP</legend>
      <div class="field">
        <label for="npm-realIp-mode">What sits in front of NPM</label>
        <select
          id="npm-realIp-mode"
          data-path="realIp.mode"
          value={value.mode}
          aria-describedby={modeItems.length ? 'npm-realIp-mode-msg' : undefined}
          onChange={(e) => onChange({ mode: (e.currentTarget as HTMLSelectElement).value as RealIpMode })}
        >
          {choices.map((choice) => (
            <option value={choice.value}>{choice.label}</option>
          ))}
        </select>
        <Messages id="npm-realIp-mode-msg" items={modeItems} />
      </div>
      {applies('realIp.dockerNetwork') && (
        <Text
          id="npm-realIp-dockerNetwork"
          path="realIp.dockerNetwork"
          label="Docker network of NPM (and cloudflared)"
          hint="Its Subnet from docker network inspect, e.g. 172.18.0.0/16, or cloudflared's fixed address"
          value={value.dockerNetwork}
          diagnostics={diagnostics}
          onInput={(dockerNetwork) => onChange({ dockerNetwork })}
          onFix={onFix}
        />
      )}
      {applies('realIp.relays') && (
        <Text
          id="npm-realIp-relays"
          path="realIp.relays"
          label="Relay addresses"
          hint="The relay's tailnet address (tailscale ip -4 on it), one per line"
          value={value.relays}
          multiline
          diagnostics={diagnostics}
          onInput={(relays) => onChange({ relays })}
          onFix={onFix}
        />
      )}
    </fieldset>
  );
}
