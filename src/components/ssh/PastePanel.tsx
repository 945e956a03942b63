import { useMemo, useState } from 'preact/hooks';
import { analysePaste, type OpenSshVersion } from '../../lib/ssh';
import { FieldMessages } from '../builder/FieldMessages';
import { useHandoff } from '../builder/handoff';
import { TextField } from '../builder/TextField';
import { EffectiveTable, effectiveRows } from './EffectiveTable';

interface Props {
  keywords: readonly string[];
  connection: { user: string; addr: string };
  version: OpenSshVersion;
}

/**
 * "Paste your sshd -T output or your files": analysed in the page, never stored, shared or sent, and never changed.
 * The text lives only in this component's state.
 */
export function PastePanel({ keywords, connection, version }: Props) {
  const [text, setText] = useState('');
  useHandoff('ssh', setText);
  const analysis = useMemo(
    () => analysePaste(text, { user: connection.user, host: 'laptop', addr: connection.addr }, version),
    [text, connection.user, connection.addr, version],
  );
  const messages = analysis.diagnostics;
  const rows =
    analysis.mode === 'files'
      ? effectiveRows(analysis.effective, keywords)
      : keywords.map((keyword) => ({ keyword, lines: analysis.values[keyword] ?? [], decidedBy: 'your sshd -T output' }));
  return (
    <div class="ssh-paste">
      <TextField
        id="ssh-paste"
        path="paste"
        label="Your current files or sshd -T output"
        hint="Paste the output of: sudo tail -n +1 /etc/ssh/sshd_config /etc/ssh/sshd_config.d/*.conf — or of: sudo sshd -T. It stays in this page."
        value={text}
        multiline
        {...(messages.length ? { describedBy: 'ssh-paste-messages' } : {})}
        invalid={messages.some((d) => d.severity === 'error')}
        onInput={setText}
      >
        <FieldMessages
          id="ssh-paste-messages"
          items={messages.map((d) =>
            d.line
              ? {
                  ...d,
                  message: `Line ${d.line}${d.column ? `:${d.column}` : ''}: ${d.message.replace(/^Line \d+(:\d+)?: /, '')}`,
                }
              : d,
          )}
        />
      </TextField>
      {analysis.mode !== 'empty' && (
        <>
          <p class="ssh-paste-mode" role="status">
            {analysis.mode === 'files'
              ? `Read ${analysis.files.length} file${analysis.files.length === 1 ? '' : 's'} in the order sshd reads them, for ${connection.user || 'no user'} from ${connection.addr || 'no address'}.`
              : 'Read sshd -T output: these are the values your server uses now.'}
          </p>
          <EffectiveTable id="ssh-paste-values" rows={rows} caption="What your server does now" />
        </>
      )}
    </div>
  );
}
