/**
 * How Docker Compose v2 (go-yaml v4 resolver + `fmt.Sprint`) turns an unquoted map-form `environment:` value into the
 * string a container receives. Only plain (unquoted, untagged) scalars are retyped.
 */

export type GoYamlType = 'null' | 'bool' | 'int' | 'float' | 'string';

export interface PlainResolution {
  type: GoYamlType;
  /** The string the container gets (undefined for null: the variable is taken from the environment or dropped). */
  value: string | undefined;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const SPECIAL_FLOATS: Record<string, string> = {
  '.nan': 'NaN',
  '.NaN': 'NaN',
  '.NAN': 'NaN',
  '.inf': '+Inf',
  '.Inf': '+Inf',
  '.INF': '+Inf',
  '+.inf': '+Inf',
  '+.Inf': '+Inf',
  '+.INF': '+Inf',
  '-.inf': '-Inf',
  '-.Inf': '-Inf',
  '-.INF': '-Inf',
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go `strconv.ParseInt(s, 0, 64)` / `ParseUint` digits (underscores already removed); undefined when not an integer. */
function parseGoInteger(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2] ?? '';
  let n: bigint;
  if (/^0[oO]/.test(body)) n = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body.toLowerCase());
  return m[1] === '-' ? -n : n;
}

function resolveInteger(plain: string): string | undefined {
  const n = parseGoInteger(plain);
  if (n === undefined) return undefined;
  if (n >= INT64_MIN && n <= INT64_MAX) return n.toString();
  if (!plain.startsWith('-') && !plain.startsWith('+') && n <= UINT64_MAX) return n.toString();
  return undefined;
}

/** Go's `fmt.Sprint(float64)`: shortest round-trip digits, exponent form when the exponent is below -4 or at least 6 (`%g`). */
export function formatGoFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa = '', expText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}${frac ? `.${frac}` : ''}`;
}

function resolveNumeric(text: string): PlainResolution | undefined {
  const plain = text.replaceAll('_', '');
  const int = resolveInteger(plain);
  if (int !== undefined) return { type: 'int', value: int };
  if (YAML_STYLE_FLOAT.test(plain)) return { type: 'float', value: formatGoFloat(Number(plain)) };
  return undefined;
}

/** Resolves an unquoted, untagged scalar's text the way Compose v2 reads it in a map-form `environment:`. */
export function resolvePlainScalar(text: string): PlainResolution {
  if (NULLS.has(text)) return { type: 'null', value: undefined };
  if (TRUES.has(text)) return { type: 'bool', value: 'true' };
  if (FALSES.has(text)) return { type: 'bool', value: 'false' };
  const special = SPECIAL_FLOATS[text];
  if (special) return { type: 'float', value: special };
  const first = text[0] ?? '';
  if (first === '.' && /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return { type: 'float', value: formatGoFloat(Number(text)) };
  if (/[0-9+-]/.test(first)) return resolveNumeric(text) ?? { type: 'string', value: text };
  return { type: 'string', value: text };
}
