import { useRef } from 'preact/hooks';
import { tailscalePresets } from '../../lib/tailscale';
import { TAILSCALE_TEXT_FIELDS, tailscaleBuilder, type TailscaleTextField } from '../../lib/tailscale/builder';
import { DiagnosticsList } from '../builder/DiagnosticsList';
import { BuilderFields, CheckboxInput, SelectInput, TextInput } from '../builder/fields';
import { BuilderOutput } from '../builder/BuilderOutput';
import { OutputPanel } from '../builder/OutputPanel';
import { PresetPicker, usePresetChoice } from '../builder/PresetPicker';
import { ProfilePanel } from '../builder/ProfilePanel';
import { StateBar } from '../builder/StateBar';
import { announce } from '../builder/announce';
import { useBuilder } from '../builder/useBuilder';

function Text({ path }: { path: TailscaleTextField }) {
  return <TextInput path={path} {...TAILSCALE_TEXT_FIELDS[path]} />;
}

/** The Tailscale builder: role, coordination, router and client fields; the rules live in src/lib/tailscale. */
export default function TailscaleBuilder() {
  const builder = useBuilder(tailscaleBuilder);
  const root = useRef<HTMLDivElement>(null);
  const [preset, setPreset] = usePresetChoice(
    tailscalePresets,
    builder.input,
    (candidate) => JSON.stringify(candidate.options) === JSON.stringify(builder.input),
  );
  const shows = builder.applies;
  const isRouter = shows('routes');

  const loadPreset = () => {
    const chosen = tailscalePresets.find((p) => p.id === preset);
    if (!chosen) return;
    const differs = JSON.stringify(builder.input) !== JSON.stringify(chosen.options);
    if (differs && !window.confirm('Replace your current settings with this example?')) return;
    builder.setState({ ...chosen.options });
    announce(`Loaded example: ${chosen.label}`);
  };

  return (
    <div class="builder ts-builder" ref={root} data-pagefind-ignore="all">
      <ProfilePanel status={builder.profileStatus} onResync={builder.resync} />
      <div class="builder-row">
        <PresetPicker id="ts-preset" presets={tailscalePresets} value={preset} onChange={setPreset} onLoad={loadPreset} />
      </div>
      <BuilderFields builder={builder} prefix="ts">
        <fieldset class="builder-group">
          <legend>This device</legend>
          <div class="builder-row">
            <SelectInput path="role" label="Role" />
            {shows('os') && <SelectInput path="os" label="Router operating system" />}
            {shows('platform') && <SelectInput path="platform" label="Where Tailscale runs" />}
          </div>
          {isRouter && <Text path="routes" />}
          {isRouter && (
            <div class="builder-row">
              <Text path="hostname" />
              <Text path="tags" />
            </div>
          )}
        </fieldset>

        <fieldset class="builder-group">
          <legend>Coordination server</legend>
          <div class="builder-row">
            <SelectInput path="coordination" label="Who runs the control plane" />
            {shows('loginServer') && <Text path="loginServer" />}
            {shows('headscaleUser') && <Text path="headscaleUser" />}
          </div>
        </fieldset>

        {isRouter && (
          <fieldset class="builder-group">
            <legend>Router setup</legend>
            <div class="builder-row">
              <SelectInput path="approval" label="Route approval" />
              <SelectInput path="firewall" label="Firewall on the router (Linux)" />
            </div>
            <div class="builder-row">
              <CheckboxInput path="ipv6" label="IPv6 is enabled on the router" />
              <CheckboxInput
                path="snatSubnetRoutes"
                label={
                  <>
                    Masquerade LAN traffic (<code>--snat-subnet-routes</code>, Linux)
                  </>
                }
              />
              <CheckboxInput
                path="ssh"
                label={
                  <>
                    Tailscale SSH server (<code>--ssh</code>, Linux)
                  </>
                }
              />
              <CheckboxInput path="udpGro" label="Include the UDP GRO throughput tip (Linux)" />
            </div>
          </fieldset>
        )}

        <fieldset class="builder-group">
          <legend>Clients</legend>
          <div class="builder-row">
            <SelectInput path="clientOs" label="Client operating system" />
            {(shows('exitNode') || builder.messagesFor('exitNode').length > 0) && <Text path="exitNode" />}
          </div>
          <div class="builder-row">
            {shows('acceptRoutes') && <CheckboxInput path="acceptRoutes" label="Use the advertised subnet routes" />}
            {shows('useExitNode') && <CheckboxInput path="useExitNode" label="Send internet traffic through an exit node" />}
            {shows('exitNodeAllowLanAccess') && (
              <CheckboxInput path="exitNodeAllowLanAccess" label="Keep the local network reachable while on the exit node" />
            )}
          </div>
        </fieldset>
      </BuilderFields>

      <h3 class="builder-heading">Checks</h3>
      <DiagnosticsList diagnostics={builder.diagnostics} root={() => root.current} />

      <BuilderOutput id="ts" title="Your commands">
        <OutputPanel
          id="ts-output"
          files={builder.files}
          diagnostics={builder.diagnostics}
          root={() => root.current}
          archiveName="tailscale-commands.zip"
        />
      </BuilderOutput>
      <StateBar builder={builder} />
    </div>
  );
}
