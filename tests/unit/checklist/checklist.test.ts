import { describe, expect, it } from 'vitest';
import { CHECKLIST, allTaskIds, parseTicks, serializeTicks, stepProgress } from '../../../src/lib/checklist';

describe('checklist data', () => {
  it('has the five build-order steps in order', () => {
    expect(CHECKLIST.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3', 'step-4', 'step-5']);
  });

  it('covers the tasks the build order asks for', () => {
    const ids = allTaskIds();
    for (const id of [
      'delete-port-forwards',
      'disable-upnp',
      'install-tailscale',
      'approve-routes',
      'disable-password-login',
      'wildcard-cert',
      'automatic-updates',
      'restore-test',
      'two-factor',
      'external-scan',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('ends step 1 with the external scan, as the build order does, and may repeat it at the very end', () => {
    expect(CHECKLIST[0]!.tasks.at(-1)!.id).toBe('external-scan');
    expect(CHECKLIST.at(-1)!.tasks.at(-1)!.guide).toMatch(/^\/guides\/verify\//);
  });

  it('uses unique task ids and links every task to a guide', () => {
    const ids = allTaskIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const task of CHECKLIST.flatMap((s) => s.tasks)) {
      expect(task.guide).toMatch(/^\/guides\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
      if (task.builder) expect(task.builder).toMatch(/^\/guides\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    }
  });
});

describe('ticks', () => {
  it('round-trip through storage and drop unknown or malformed entries', () => {
    const ticks = new Set(['disable-upnp', 'backup']);
    expect(parseTicks(serializeTicks(ticks))).toEqual(ticks);
    expect(parseTicks('["backup", "gone-task", 3]')).toEqual(new Set(['backup']));
    expect(parseTicks('{not json')).toEqual(new Set());
    expect(parseTicks('{"a":1}')).toEqual(new Set());
    expect(parseTicks(null)).toEqual(new Set());
  });

  it('report progress per step', () => {
    const step = CHECKLIST[1]!;
    expect(stepProgress(step, new Set())).toEqual({ done: 0, total: 2, label: '0 of 2 done' });
    expect(stepProgress(step, new Set(['create-ssh-key']))).toMatchObject({ done: 1, label: '1 of 2 done' });
    expect(stepProgress(step, new Set(allTaskIds()))).toMatchObject({ done: 2, label: 'All 2 done' });
  });
});
