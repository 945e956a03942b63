/**
 * A small YAML writer for the generators' own data: plain objects, arrays, strings, finite numbers, booleans and null,
 * in block style with single-quoted strings. The generated files have fixed, known shapes, and a general YAML library
 * (~30 kB gzip in the browser) would more than double a builder page's script; the tests parse every emitted file back
 * with the `yaml` library and check it against Authelia's schema, and a property test checks that any such value reads
 * back unchanged.
 */

/** Characters a single-quoted YAML scalar cannot carry as-is (controls, line breaks, BOM, lone surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const NEEDS_ESCAPES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
const UNSAFE_IN_DOUBLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** A YAML scalar that always reads back as this exact string. */
export function quoteYaml(s: string): string {
  if (!NEEDS_ESCAPES.test(s)) return `'${s.replaceAll("'", "''")}'`;
  // A JSON string is a valid YAML double-quoted scalar; escape the few characters YAML does not allow raw.
  return JSON.stringify(s).replace(UNSAFE_IN_DOUBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Keys left unquoted: identifier-like and not a word some YAML reader takes for a boolean or null. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SPECIAL_WORD = /^(?:true|false|yes|no|on|off|y|n|null)$/i;

function key(k: string): string {
  return PLAIN_KEY.test(k) && !SPECIAL_WORD.test(k) ? k : quoteYaml(k);
}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain | undefined };

function scalar(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteYaml(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isObject(value) && entries(value).length === 0) return '{}';
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Like JSON and the `yaml` library, keys whose value is undefined are left out.
const entries = (o: Record<string, unknown>) => Object.entries(o).filter(([, v]) => v !== undefined);

/** Lines for a non-scalar value, every line starting with `indent`. */
function block(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const s = scalar(item === undefined ? null : item);
      if (s !== undefined) return [`${indent}- ${s}`];
      // A nested block starts on the dash's line: render it one level deeper, then put the dash in its indent.
      const inner = block(item, `${indent}  `);
      return [`${indent}- ${inner[0]!.slice(indent.length + 2)}`, ...inner.slice(1)];
    });
  }
  if (isObject(value)) {
    return entries(value).flatMap(([k, v]) => {
      const s = scalar(v);
      return s !== undefined ? [`${indent}${key(k)}: ${s}`] : [`${indent}${key(k)}:`, ...block(v, `${indent}  `)];
    });
  }
  throw new TypeError(`toYaml: cannot write a value of type ${typeof value}`);
}

/** The YAML document for a plain object, ending with a newline. */
export function toYaml(value: { [key: string]: Plain | undefined } | Record<string, unknown>): string {
  const s = scalar(value);
  return `${s ?? block(value, '').join('\n')}\n`;
}
