// The front-door kit page's island: the homelab profile, the kit's choices, the users' passwords (hashed in the
// worker), the cross-checks, the file tree and "Download the kit". Layout only: every file, check and rule comes from
// src/lib/kit; this holds what a pure library cannot (digests made in the worker, values made in the page).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { randomSecret } from '../../lib/authelia/secrets';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../lib/core';
import { generateFrontDoorKit, kitBuilder, kitSecrets, type KitExtras } from '../../lib/kit';
import { announce } from '../builder/announce';
import { downloadAll } from '../builder/download';
import type { DraftStatus } from '../builder/ProfileEditor';
import { ProfilePanel } from '../builder/ProfilePanel';
import { stamp } from '../builder/provenance';
import { StateBar } from '../builder/StateBar';
import { useBuilder } from '../builder/useBuilder';
import { useBuilderState } from '../builder/useBuilderState';
import { KitChecks } from './KitChecks';
import { KitChoicesForm } from './KitChoicesForm';
import { KitFiles } from './KitFiles';

/** Made in this page and kept out of the kit's state: stored only with "Remember secrets", never in a link. */
interface KitVault {
  passwordHashes: Record<string, string>;
  inlineSecrets: Record<string, string>;
}
const EMPTY_VAULT: KitVault = { passwordHashes: {}, inlineSecrets: {} };
const VAULT_SCHEMA = { version: 1, secretKeys: ['passwordHashes', 'inlineSecrets'] };

export const ARCHIVE_NAME = 'front-door-kit.zip';

/** The line of a diagnostic in the file as shown: the provenance header moves the lines below it down. */
function shownLine(raw: string, shown: string, line: number): number {
  const rawLines = raw.split('\n');
  const shownLines = shown.split('\n');
  const added = shownLines.length - rawLines.length;
  // The header goes first, or second when the first line must stay first (a shebang).
  const insertedAt = added > 0 && rawLines[0] === shownLines[0] ? 1 : 0;
  return line - 1 >= insertedAt ? line + added : line;
}

/** A message without its fix: the profile form applies only its own fixes. */
function withoutFix(diagnostic: Diagnostic): Diagnostic {
  const copy = { ...diagnostic };
  delete copy.fix;
  return copy;
}

export default function KitBuilder() {
  const builder = useBuilder(kitBuilder);
  const vault = useBuilderState<KitVault>('kit-secrets', EMPTY_VAULT, VAULT_SCHEMA);
  const [draft, setDraft] = useState<DraftStatus | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { profile, choices } = builder.input;

  // The inline opt-in: each secret the kit needs is made here once (crypto.getRandomValues) and kept until reset.
  const needed = useMemo(
    () => (choices.secrets === 'inline' ? kitSecrets(choices).filter((s) => s.made === 'random') : []),
    [choices],
  );
  useEffect(() => {
    const missing = needed.filter((s) => !vault.state.inlineSecrets[s.name]);
    if (missing.length === 0) return;
    vault.setStateSilently((prev) => ({
      ...prev,
      inlineSecrets: { ...prev.inlineSecrets, ...Object.fromEntries(missing.map((s) => [s.name, randomSecret()])) },
    }));
  }, [needed, vault.state.inlineSecrets]);

  // The spec's own result holds no digest and no inline value; with either, the kit is generated with them.
  const hashes = vault.state.passwordHashes;
  const usesExtras = choices.secrets === 'inline' || profile.users.some((u) => hashes[u.username]);
  const result = useMemo(() => {
    if (!usesExtras) return builder.result;
    const extras: KitExtras = { passwordHashes: hashes };
    if (choices.secrets === 'inline') extras.inlineSecrets = vault.state.inlineSecrets;
    return generateFrontDoorKit(profile, choices, extras);
  }, [builder.result, usesExtras, hashes, vault.state.inlineSecrets]);
  const files = useMemo(() => stamp(result.files, kitBuilder.target as string), [result]);
  const diagnostics = useMemo(() => sortDiagnostics(result.diagnostics), [result]);
  const errors = hasErrors(diagnostics);
  const fileNames = useMemo(() => new Set(files.map((f) => f.name)), [files]);
  const messagesFor = (path: string) => diagnostics.filter((d) => d.path === path);
  // The kit's messages on the profile's own fields, while the form shows the profile the kit was made from (without
  // fixes: the profile form applies only its own).
  const profileMessages = draft?.unsaved
    ? undefined
    : (path: string) => (fileNames.has(path) ? [] : messagesFor(path).map(withoutFix));

  const rawByName = useMemo(() => new Map(result.files.map((f) => [f.name, f.content])), [result]);
  const lineOf = (d: Diagnostic) => {
    const shown = files.find((f) => f.name === d.path)?.content;
    const raw = d.path !== undefined ? rawByName.get(d.path) : undefined;
    return d.line === undefined || shown === undefined || raw === undefined ? d.line : shownLine(raw, shown, d.line);
  };

  const why =
    draft && !draft.valid
      ? 'Your profile has errors, marked on its fields above. Fix them and save the profile: until then there is no kit to download.'
      : draft?.unsaved && builder.profileStatus === 'none'
        ? 'Save your profile above first: the kit is made from it.'
        : draft?.unsaved
          ? 'Your profile has changes that are not saved yet. Save the profile to put them into the kit, then download it.'
          : errors || files.length === 0
            ? 'The kit has errors, listed under the cross-checks: fix them first. No half-written kit is offered.'
            : undefined;

  const download = async () => {
    setSaving(true);
    try {
      await downloadAll(files, ARCHIVE_NAME);
      announce(`${ARCHIVE_NAME} with ${files.length} files downloaded`);
    } catch {
      announce('The zip could not be made in this browser; copy the files one by one instead');
    } finally {
      setSaving(false);
    }
  };

  const showFile = (name: string) => {
    setSelected(name);
    window.requestAnimationFrame(() =>
      root.current?.querySelector<HTMLElement>(`.kit-tree button[data-file="${CSS.escape(name)}"]`)?.focus(),
    );
  };

  return (
    <div class="builder kit-builder" ref={root} data-pagefind-ignore="all">
      <h2 class="builder-heading">1. Your homelab profile</h2>
      <ProfilePanel
        status={builder.profileStatus}
        onResync={builder.resync}
        editor={{ onStatus: setDraft, ...(profileMessages ? { extraMessages: profileMessages } : {}) }}
      />

      <h2 class="builder-heading">2. Choices</h2>
      <KitChoicesForm
        builder={builder}
        messagesFor={messagesFor}
        hashes={hashes}
        onHash={(username, digest) =>
          vault.setStateSilently((prev) => ({ ...prev, passwordHashes: { ...prev.passwordHashes, [username]: digest } }))
        }
        onNewSecrets={() => vault.setStateSilently((prev) => ({ ...prev, inlineSecrets: {} }))}
      />

      <h2 class="builder-heading">3. Cross-checks</h2>
      <KitChecks
        diagnostics={diagnostics}
        fileNames={fileNames}
        shownLine={lineOf}
        onShowFile={showFile}
        root={() => root.current}
      />

      <h2 class="builder-heading">4. The files</h2>
      <div class="kit-download">
        <button
          type="button"
          class="kit-download-button"
          disabled={why !== undefined || saving}
          aria-describedby="kit-download-note"
          onClick={() => void download()}
        >
          Download the kit
        </button>
        <p id="kit-download-note" class={why ? 'kit-download-why' : undefined} role="status">
          {why ??
            `${ARCHIVE_NAME}: ${files.length} files, exactly as listed below.${choices.secrets === 'inline' ? ' It holds your secrets: keep it private.' : ''}`}
        </p>
      </div>
      {files.length > 0 ? (
        <KitFiles files={files} selected={selected} onSelect={setSelected} />
      ) : (
        <p class="builder-empty">No files while the input has errors: fix the fields marked above.</p>
      )}
      <StateBar builder={{ ...builder, keepSecrets: vault.keepSecrets, setKeepSecrets: vault.setKeepSecrets }} hasSecrets />
    </div>
  );
}
