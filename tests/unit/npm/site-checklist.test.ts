import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../../src/lib/checklist';

describe('the printable checklist (NPM lines)', () => {
  it('says "Cache Assets" off for every proxy host whose app serves per-user files, not only for protected ones', () => {
    const step = CHECKLIST.find((s) => s.id === 'step-3')!;
    const task = step.tasks.find((t) => t.id === 'npm-cache-assets-off');
    expect(task?.text).toMatch(/^Leave "Cache Assets" off on every proxy host whose app serves per-user files/);
    expect(task?.text).not.toMatch(/protected/);
    expect(task?.guide).toBe('/guides/nginx-proxy-manager/#what-a-protected-hosts-snippet-covers');
  });
});
