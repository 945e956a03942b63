import { useRef } from 'preact/hooks';
import { DNS_TEXT_FIELDS, internalDnsBuilder, type DnsTextField } from '../../lib/dns/builder';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { BuilderFields, SelectInput, TextInput } from '../builder/fields';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { ProfilePanel } from '../builder/ProfilePanel';
import { StateBar } from '../builder/StateBar';
import { useBuilder } from '../builder/useBuilder';

function Text({ path }: { path: DnsTextField }) {
  return <TextInput path={path} {...DNS_TEXT_FIELDS[path]} />;
}

/** The internal-DNS builder: names, addresses and the DNS server; the rules live in src/lib/dns. */
export default function InternalDnsBuilder() {
  const builder = useBuilder(internalDnsBuilder);
  const root = useRef<HTMLDivElement>(null);

  return (
    <div class="builder dns-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <BuilderFields builder={builder} prefix="dns">
        <fieldset class="builder-group">
          <legend>Your names</legend>
          <div class="builder-row">
            <Text path="domain" />
            <Text path="zone" />
          </div>
          <div class="builder-row">
            <Text path="serverIp" />
            <Text path="tailnetIp" />
          </div>
        </fieldset>

        <fieldset class="builder-group">
          <legend>Which names answer at home</legend>
          <div class="builder-row">
            <Text path="internalNames" />
            <Text path="publicNames" />
          </div>
        </fieldset>

        <fieldset class="builder-group">
          <legend>DNS server</legend>
          <div class="builder-row">
            <SelectInput path="server" label="Server that holds the records" />
            <Text path="upstreams" />
          </div>
        </fieldset>
      </BuilderFields>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={builder.diagnostics} root={() => root.current} />

      <BuilderOutput id="dns" title="Your DNS records">
        <OutputPanel
          id="dns-output"
          files={builder.files}
          diagnostics={builder.diagnostics}
          root={() => root.current}
          archiveName={`internal-dns-${builder.input.server}.zip`}
        />
      </BuilderOutput>
      <StateBar builder={builder} />
    </div>
  );
}
