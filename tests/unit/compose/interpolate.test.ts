import { describe, expect, it } from 'vitest';
import { interpolate, InterpolationError } from '../../../src/lib/compose';

const ENV = { SET: 'val', EMPTY: '' };

// compose-go's template operators (https://github.com/compose-spec/compose-go/blob/v2.13.0/template/template.go) first, then the remaining operators and nesting.
const TABLE: readonly [string, string][] = [
  ['$SETsuffix', ''],
  ['${EMPTY:-d}', 'd'],
  ['${EMPTY-d}', ''],
  ['${EMPTY:+alt}', ''],
  ['${EMPTY+alt}', 'alt'],
  ['$$$SET', '$val'],
  ['${set}', ''],
  ['${UNSET:-a}b}', 'ab}'],
  ['$SET', 'val'],
  ['${SET}', 'val'],
  ['x${SET}y', 'xvaly'],
  ['${UNSET}', ''],
  ['${UNSET-d}', 'd'],
  ['${UNSET:-d}', 'd'],
  ['${SET:-d}', 'val'],
  ['${SET-d}', 'val'],
  ['${SET:+alt}', 'alt'],
  ['${SET+alt}', 'alt'],
  ['${UNSET+alt}', ''],
  ['${UNSET:+alt}', ''],
  ['${EMPTY?msg}', ''],
  ['${SET:?msg}', 'val'],
  ['${UNSET:-${SET}}', 'val'],
  ['${UNSET:-${UNSET2:-deep}}', 'deep'],
  ['${UNSET:-$SET}', 'val'],
  ['${UNSET:-}', ''],
  ['${SET:-${UNSET:?never evaluated}}', 'val'],
  ['${SET:-x}y}', 'valy}'],
  ['${UNSET:-a} ${UNSET:-b}', 'a b'],
  ['${SET}${SET}', 'valval'],
  ['$$', '$'],
  ['a$$b', 'a$b'],
  ['$$SET', '$SET'],
  ['$$${SET}', '$val'],
  ['$', '$'],
  ['price: 5$', 'price: 5$'],
  ['$-x', '$-x'],
  ['$1', '$1'],
  ['$2a$10$N9qo8uLOickgx2ZMRZoMye', '$2a$10'],
  ['${UNSET:-a:b-c}', 'a:b-c'],
  ['${_u1:-x}', 'x'],
];

describe('interpolate', () => {
  it.each(TABLE)('%s → %j', (template, expected) => {
    expect(interpolate(template, ENV)).toBe(expected);
  });

  it('looks names up case-sensitively but matches them case-insensitively', () => {
    expect(interpolate('$Set-${sET}', { Set: 'a', sET: 'b' })).toBe('a-b');
  });

  it('does not re-scan substituted values', () => {
    expect(interpolate('${A}', { A: '$B ${C}', B: 'no', C: 'no' })).toBe('$B ${C}');
  });

  const REQUIRED: readonly [string, string][] = [
    ['${EMPTY:?msg}', 'required variable EMPTY is missing a value: msg'],
    ['${UNSET?msg}', 'required variable UNSET is missing a value: msg'],
    ['${UNSET:?}', 'required variable UNSET is missing a value'],
    ['${UNSET?$SET}', 'required variable UNSET is missing a value: val'],
    ['${NAME:?set NAME in .env}', 'required variable NAME is missing a value: set NAME in .env'],
  ];

  it.each(REQUIRED)('%s fails with Compose’s message', (template, message) => {
    try {
      interpolate(template, ENV);
    } catch (e) {
      expect(e).toBeInstanceOf(InterpolationError);
      expect((e as InterpolationError).kind).toBe('missing-required');
      expect((e as InterpolationError).message).toBe(message);
      return;
    }
    expect.unreachable();
  });

  it('prefixes the path of a required failure like docker compose', () => {
    expect(() => interpolate('${DB:?x}', {}, 'services.app.environment.DB')).toThrow(
      'error while interpolating services.app.environment.DB: required variable DB is missing a value: x',
    );
  });

  const INVALID = ['${}', '${SET/a/b}', '${', 'a ${SET', '${1}', '${SET:x}', '${:-x}', '${ SET}', '${UNSET:-${}}'];

  it.each(INVALID)('%s is an invalid interpolation format', (template) => {
    try {
      interpolate(template, ENV, 'services.app.environment.X');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InterpolationError);
      expect((e as InterpolationError).kind).toBe('invalid-template');
      expect((e as Error).message).toBe(
        'invalid interpolation format for services.app.environment.X. You may need to escape any $ with another $.',
      );
    }
  });

  it('names the template when no path is given', () => {
    expect(() => interpolate('${}', {})).toThrow(
      'invalid interpolation format for "${}". You may need to escape any $ with another $.',
    );
  });
});
