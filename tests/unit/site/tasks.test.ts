import { describe, expect, it } from 'vitest';
import { TASK_ID_PLACEHOLDER, taskId, taskItemHtml } from '../../../src/lib/site/tasks';
import { parseTicksFor, serializeTicks } from '../../../src/lib/site/ticks';

describe('taskId', () => {
  it('makes a stable kebab-case id from the text', () => {
    expect(taskId('Delete every port forward!')).toBe('delete-every-port-forward');
    expect(taskId('  Café & UPnP — off ')).toBe('cafe-upnp-off');
    expect(taskId('***')).toBe('task');
    expect(taskId('x'.repeat(100))).toHaveLength(60);
  });
});

describe('taskItemHtml', () => {
  const input = `<input type="checkbox" class="task-box" data-task="${TASK_ID_PLACEHOLDER}">`;

  it('wraps the checkbox and the content in one label and fills in the id', () => {
    const out = taskItemHtml(`${input} <strong>Admin &amp; access</strong> to the router.`);
    expect(out).toEqual({
      id: 'admin-access-to-the-router',
      html: '<label class="task-label"><input type="checkbox" class="task-box" data-task="admin-access-to-the-router"><span class="task-text"><strong>Admin &amp; access</strong> to the router.</span></label>',
    });
  });

  it('leaves items that do not start with the task checkbox alone', () => {
    expect(taskItemHtml('<p>plain item</p>')).toBeUndefined();
    expect(taskItemHtml('<input type="checkbox"> not ours')).toBeUndefined();
  });
});

describe('ticks', () => {
  it('keep only known ids and survive garbage', () => {
    expect(parseTicksFor(serializeTicks(new Set(['b', 'a'])), ['a', 'b'])).toEqual(new Set(['a', 'b']));
    expect(parseTicksFor('["a","zz"]', ['a'])).toEqual(new Set(['a']));
    expect(parseTicksFor('nope', ['a'])).toEqual(new Set());
  });
});
