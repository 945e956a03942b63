/**
 * Test helper, independent of the splitter's own reader: what each service's container receives from `environment:`,
 * following Compose's rules (YAML aliases and merge keys resolved by the `yaml` package; list items split on the first `=`
 * after interpolation; map values interpolated as text). Values are read with the failsafe schema, so an unquoted number
 * is compared as written: the fixtures keep such values out of the moved ones.
 */
import { parse } from 'yaml';
import { interpolate } from '../../../src/lib/compose';

export type ServiceEnv = Record<string, string | null>;

export function serviceEnvironments(source: string, env: Record<string, string>): Record<string, ServiceEnv> {
  const doc = parse(source, { schema: 'failsafe', merge: true, maxAliasCount: -1 }) as {
    services?: Record<string, { environment?: unknown }>;
  };
  const out: Record<string, ServiceEnv> = {};
  for (const [name, service] of Object.entries(doc.services ?? {})) {
    const result: ServiceEnv = {};
    const raw = service?.environment;
    if (Array.isArray(raw)) {
      raw.forEach((item: unknown, i) => {
        const text = interpolate(String(item), env, `services.${name}.environment[${i}]`);
        const eq = text.indexOf('=');
        if (eq < 0) result[text] = null;
        else result[text.slice(0, eq)] = text.slice(eq + 1);
      });
    } else if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
        result[key] =
          value === null || value === undefined || value === ''
            ? value === ''
              ? ''
              : null
            : interpolate(String(value), env, `services.${name}.environment.${key}`);
      }
    }
    out[name] = result;
  }
  return out;
}

/**
 * Every string value of the file (keys excluded) after Compose's interpolation with `env`, by path — what Compose
 * interpolates beyond `environment:` (commands, health checks, labels, URLs…). A value Compose refuses reads as
 * `error: <message>`.
 */
export function interpolatedStrings(source: string, env: Record<string, string>): Record<string, string> {
  const doc = parse(source, { schema: 'failsafe', merge: true, maxAliasCount: -1 }) as unknown;
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      try {
        out[path] = interpolate(value, env, path);
      } catch (caught) {
        out[path] = `error: ${caught instanceof Error ? caught.message : String(caught)}`;
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk((doc as { services?: unknown } | null)?.services, 'services');
  return out;
}
