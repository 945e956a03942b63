interface Props {
  index: number;
  count: number;
  /** What a row is, for screen readers: "rule", "host"… */
  noun: string;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/** Move up / Move down / Remove for one row of a builder list, operable from the keyboard. */
export function RowActions({ index, count, noun, onMove, onRemove }: Props) {
  return (
    <div class="rule-actions">
      <button type="button" data-move="-1" onClick={() => onMove(index, -1)} disabled={index === 0}>
        Move up <span class="sr-only">{`${noun} ${index + 1}`}</span>
      </button>
      <button type="button" data-move="1" onClick={() => onMove(index, 1)} disabled={index === count - 1}>
        Move down <span class="sr-only">{`${noun} ${index + 1}`}</span>
      </button>
      <button type="button" class="danger" onClick={() => onRemove(index)}>
        Remove <span class="sr-only">{`${noun} ${index + 1}`}</span>
      </button>
    </div>
  );
}
