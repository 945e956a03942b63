import { useEffect, useState } from 'preact/hooks';

interface Props {
  id: string;
  presets: readonly { id: string; label: string }[];
  value: string;
  onChange: (id: string) => void;
  /** Loads the chosen example (the builder asks before replacing edited input). */
  onLoad: () => void;
}

/** "Start from an example": a preset list and its Load button. */
export function PresetPicker({ id, presets, value, onChange, onLoad }: Props) {
  return (
    <div class="field">
      <label for={id}>Start from an example</label>
      <div class="inline-controls">
        <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {presets.map((p) => (
            <option value={p.id}>{p.label}</option>
          ))}
        </select>
        <button type="button" onClick={onLoad}>
          Load example
        </button>
      </div>
    </div>
  );
}

/**
 * The picker's choice: the reader's pick, until the builder's state changes to one an example equals; then that
 * example (so after Reset the picker shows the example the defaults are, and after Load the one loaded).
 */
export function usePresetChoice<Preset extends { id: string }>(
  presets: readonly Preset[],
  state: unknown,
  equals: (preset: Preset) => boolean,
): [string, (id: string) => void] {
  const [value, setValue] = useState(presets[0]!.id);
  useEffect(() => {
    const match = presets.find(equals);
    if (match) setValue(match.id);
  }, [state]);
  return [value, setValue];
}
