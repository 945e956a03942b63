/** One proxy host of the NPM builder: its name, what the snippet protects, and the settings made in NPM. Layout only. */
import type { Diagnostic } from '../../lib/core';
import { NPM_TOGGLES, type NpmHostForm, type NpmToggle } from '../../lib/npm';
import { RowActions } from '../builder/RowActions';
import { Check, Text } from './NpmFields';

const TOGGLES: Record<NpmToggle, string> = {
  cacheAssets: 'Cache Assets (Details tab)',
  websocketsToggle: 'Websockets Support (Details tab)',
  accessList: 'An Access List is selected (Details tab)',
  hsts: 'HSTS Enabled (SSL tab)',
  hstsSubdomains: 'HSTS Subdomains (SSL tab)',
  securityHeaders: 'Add security headers in the snippet',
};

interface Props {
  index: number;
  count: number;
  host: NpmHostForm;
  diagnostics: readonly Diagnostic[];
  applies: (path: string) => boolean;
  onChange: (patch: Partial<NpmHostForm>) => void;
  onFix: (d: Diagnostic) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
}

export function NpmHostRow({ index: i, count, host, diagnostics, applies, onChange, onFix, onMove, onRemove }: Props) {
  const at = `hosts[${i}]`;
  const check = (key: keyof NpmHostForm & string, label: string) => (
    <Check
      id={`npm-${i}-${key}`}
      path={`${at}.${key}`}
      label={label}
      checked={host[key] === true}
      diagnostics={diagnostics}
      onChange={(checked) => onChange({ [key]: checked })}
    />
  );
  return (
    <li class="rule" data-host={i}>
      <fieldset data-path={at} tabIndex={-1}>
        <legend>
          Host {i + 1}
          {host.hostname.trim() && <span class="npm-host-name">: {host.hostname}</span>}
        </legend>
        <div class="rule-grid">
          <Text
            id={`npm-${i}-hostname`}
            path={`${at}.hostname`}
            label="Hostname"
            hint="As in NPM's Domain Names, e.g. app.example.com"
            value={host.hostname}
            diagnostics={diagnostics}
            onInput={(hostname) => onChange({ hostname })}
            onFix={onFix}
          />
          <div class="field">
            {check('protected', 'Protected by Authelia (whole host)')}
            {check('websockets', 'The app uses WebSockets')}
            {applies(`${at}.caseInsensitive`) && check('caseInsensitive', 'The app ignores letter case in paths')}
          </div>
          <Text
            id={`npm-${i}-paths`}
            path={`${at}.paths`}
            label="Extra protected paths"
            hint="One per line, e.g. /admin; on an unprotected host only these are protected"
            value={host.paths}
            multiline
            diagnostics={diagnostics}
            onInput={(paths) => onChange({ paths })}
            onFix={onFix}
          />
          <fieldset class="npm-npm">
            <legend>Settings in NPM for this host</legend>
            <div class="npm-checks">{NPM_TOGGLES.map((key) => check(key, TOGGLES[key]))}</div>
            <Text
              id={`npm-${i}-customLocations`}
              path={`${at}.customLocations`}
              label="Custom Locations tab"
              hint="The paths defined there, one per line (best left empty)"
              value={host.customLocations}
              multiline
              diagnostics={diagnostics}
              onInput={(customLocations) => onChange({ customLocations })}
              onFix={onFix}
            />
          </fieldset>
        </div>
        <RowActions index={i} count={count} noun="host" onMove={onMove} onRemove={onRemove} />
      </fieldset>
    </li>
  );
}
