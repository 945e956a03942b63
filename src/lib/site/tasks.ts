/**
 * One checkbox component for every task list on the site: the printable checklist renders it from
 * data, and Markdown task lists (`- [ ] …`) in guides are mapped onto the same markup through MDX
 * components (src/components/mdx/). src/scripts/tasks.ts makes both interactive and persistent.
 */

export const TASK_CLASSES = {
  list: 'task-list',
  item: 'task',
  label: 'task-label',
  box: 'task-box',
  text: 'task-text',
} as const;

/** Placeholder the checkbox carries until its list item knows the task's id. */
export const TASK_ID_PLACEHOLDER = '__task-id__';

/** A stable id from a task's text (kebab-case ASCII, at most 60 characters). */
export function taskId(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'task';
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/**
 * Splits a rendered task list item (`<input …>` then the task's content) into the labelled markup
 * of the site's task component. Returns undefined when the item does not start with the checkbox.
 */
export function taskItemHtml(inner: string): { id: string; html: string } | undefined {
  const match = /^\s*(<input\b[^>]*\bdata-task="__task-id__"[^>]*>)\s*([\s\S]*)$/.exec(inner);
  if (!match) return undefined;
  const [, input = '', rest = ''] = match;
  const id = taskId(decode(rest.replace(/<[^>]*>/g, '')));
  return {
    id,
    html: `<label class="${TASK_CLASSES.label}">${input.replace(TASK_ID_PLACEHOLDER, id)}<span class="${TASK_CLASSES.text}">${rest.trim()}</span></label>`,
  };
}
