import { useMemo, useRef } from 'preact/hooks';
import { SSH_TEXT_FIELDS, sshBuilder, type SshTextField } from '../../lib/ssh/builder';
import { IMPORTANT_KEYWORDS, simulateOptions, stockSet } from '../../lib/ssh';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { BuilderFields, CheckboxInput, SelectInput, TextInput } from '../builder/fields';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { ProfilePanel } from '../builder/ProfilePanel';
import { StateBar } from '../builder/StateBar';
import { useBuilder } from '../builder/useBuilder';
import { EffectiveTable, effectiveRows } from './EffectiveTable';
import { PastePanel } from './PastePanel';

function Text({ path }: { path: SshTextField }) {
  return <TextInput path={path} {...SSH_TEXT_FIELDS[path]} />;
}

/** The SSH hardening builder: the drop-in, what wins on the chosen distribution, and a look at your own files. */
export default function SshBuilder() {
  const builder = useBuilder(sshBuilder);
  const root = useRef<HTMLDivElement>(null);
  const options = builder.input;
  const simulation = useMemo(() => simulateOptions(options), [options]);
  const stock = stockSet(options.distro)!;
  const explanations = builder.diagnostics.filter((d) => d.path === 'effective');

  return (
    <div class="builder ssh-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <BuilderFields builder={builder} prefix="ssh">
        <fieldset class="builder-group">
          <legend>Your server</legend>
          <div class="builder-row">
            <SelectInput path="distro" label="Distribution or image" />
            <Text path="serverAddress" />
          </div>
          <div class="builder-row">
            <Text path="port" />
            <Text path="listenLan" />
            <Text path="listenTailnet" />
          </div>
        </fieldset>

        <fieldset class="builder-group">
          <legend>Who may log in, and how</legend>
          <div class="builder-row">
            <SelectInput path="accessBy" label="Allowed accounts" />
            {builder.applies('users') && <Text path="users" />}
            {builder.applies('groups') && <Text path="groups" />}
          </div>
          <div class="builder-row">
            <SelectInput path="rootLogin" label="Root login" />
            <Text path="maxAuthTries" />
          </div>
          <div class="builder-row">
            <CheckboxInput path="pubkey" label="Allow key logins (PubkeyAuthentication)" />
            <Text path="passwordFrom" />
          </div>
        </fieldset>

        <fieldset class="builder-group">
          <legend>Sessions, forwarding and algorithms</legend>
          <div class="builder-row">
            <CheckboxInput path="logVerbose" label="Log the key fingerprint of every login (LogLevel VERBOSE)" />
            <CheckboxInput
              path="modernCrypto"
              label="Modern algorithm lists for this OpenSSH version"
              hint="Old clients (very old PuTTY, some NAS and router firmware) may no longer connect."
            />
          </div>
          <div class="builder-row">
            <CheckboxInput path="x11Forwarding" label="X11 forwarding" />
            <CheckboxInput path="agentForwarding" label="Agent forwarding" />
            <SelectInput path="tcpForwarding" label="TCP forwarding" />
          </div>
          <div class="builder-row">
            <Text path="clientAliveInterval" />
            <Text path="clientAliveCountMax" />
          </div>
        </fieldset>

        <h3 class="builder-heading">Checks</h3>
        <DiagnosticsList diagnostics={builder.diagnostics} root={() => root.current} />

        <BuilderOutput id="ssh" title="Your files">
          <OutputPanel
            id="ssh-output"
            files={builder.files}
            diagnostics={builder.diagnostics}
            root={() => root.current}
            archiveName={`ssh-hardening-${options.distro}.zip`}
          />
        </BuilderOutput>

        <h3 class="builder-heading">What wins on {stock.label}</h3>
        <section class="ssh-effective-section" data-path="effective" tabIndex={-1} aria-labelledby="ssh-effective-title">
          <p id="ssh-effective-title">
            The values <code>sshd -T</code> prints with these files in place, read in the order sshd reads them:{' '}
            {simulation ? simulation.effective.order.map((path) => path.slice(path.lastIndexOf('/') + 1)).join(' → ') : '…'}.
          </p>
          {stock.note && <p class="ssh-note">{stock.note}</p>}
          <div class="builder-row">
            <Text path="testUser" />
            <Text path="testAddr" />
          </div>
          {explanations.length > 0 && (
            <ul class="ssh-who-wins" aria-label="Who wins">
              {explanations.map((d) => (
                <li class={`ssh-who-wins-${d.severity}`} data-code={d.code}>
                  {d.message}
                </li>
              ))}
            </ul>
          )}
          {simulation ? (
            <EffectiveTable
              id="ssh-effective"
              rows={effectiveRows(simulation.effective, IMPORTANT_KEYWORDS)}
              caption={`Effective values on ${stock.label}`}
            />
          ) : (
            <p>Fix the errors above to see the effective values.</p>
          )}
        </section>
      </BuilderFields>

      <h3 class="builder-heading">Check your server as it is now</h3>
      <PastePanel
        keywords={IMPORTANT_KEYWORDS}
        connection={{ user: options.testUser, addr: options.testAddr }}
        version={stock.rules}
      />

      <StateBar builder={builder} />
    </div>
  );
}
