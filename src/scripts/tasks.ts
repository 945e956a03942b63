// Makes every task list interactive: ticks persist per list (data-task-store), progress counters
// (data-progress-for) update, and a reset button (data-tasks-reset) clears a list after confirmation.
import { parseTicksFor, serializeTicks, type TickList } from '../lib/site/ticks';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled: ticks last for this visit only.
  }
}

for (const store of document.querySelectorAll<HTMLElement>('[data-task-store]')) {
  const key = store.dataset.taskStore!;
  const boxes = [...store.querySelectorAll<HTMLInputElement>('input[data-task]')];
  const list: TickList = boxes.map((b) => b.dataset.task!);
  const ticks = parseTicksFor(read(key), list);

  const refresh = () => {
    for (const counter of store.querySelectorAll<HTMLElement>('[data-progress-for]')) {
      const group = store.querySelector<HTMLElement>(`#${CSS.escape(counter.dataset.progressFor!)}`);
      const inGroup = group ? [...group.querySelectorAll<HTMLInputElement>('input[data-task]')] : boxes;
      const done = inGroup.filter((b) => b.checked).length;
      counter.textContent = done === inGroup.length ? `All ${inGroup.length} done` : `${done} of ${inGroup.length} done`;
    }
  };

  for (const box of boxes) {
    box.checked = ticks.has(box.dataset.task!);
    box.addEventListener('change', () => {
      if (box.checked) ticks.add(box.dataset.task!);
      else ticks.delete(box.dataset.task!);
      write(key, ticks.size ? serializeTicks(ticks) : null);
      refresh();
    });
  }
  store.querySelector('[data-tasks-reset]')?.addEventListener('click', () => {
    if (!window.confirm('Clear every tick on this list?')) return;
    ticks.clear();
    for (const box of boxes) box.checked = false;
    write(key, null);
    refresh();
  });
  refresh();
}
