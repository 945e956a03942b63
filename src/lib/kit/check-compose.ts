/**
 * The kit's compose.yaml against its .env.example and its own rules: every `${VAR}` has a key and every key is used
 * (Compose's interpolation as src/lib/compose/interpolate.ts reads it, scalar by scalar), nothing the splitter's
 * detector would move is inline (src/lib/compose/split findSecrets), and no port but the proxy's 80/443 is published on
 * every interface (the splitter's own short-syntax port reader).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { parseDotenv } from '../compose/dotenv';
import { analyzeTemplate } from '../compose/interpolate';
import { findSecrets } from '../compose/split/findings';
import { parseShortPort } from '../compose/split/lint';
import { error, warning, type Diagnostic } from '../core';
import { PUBLIC_PROXY_PORTS } from './facts';
import { KIT_FILES } from './types';

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

export interface ComposeFacts {
  /** The host address NPM's admin port is bound to: the proxy's LAN address. */
  proxyIp?: string;
}

const lineOf = (lines: LineCounter, offset: number | undefined) => lines.linePos(offset ?? 0).line;

/** `.env.example` keys with their 1-based lines (comments and blank lines skipped; values read by Compose's parser). */
function envKeys(text: string): Map<string, number> {
  const keys = new Map<string, number>();
  let parsed: Record<string, string> = {};
  try {
    parsed = parseDotenv(text);
  } catch {
    parsed = {};
  }
  text.split('\n').forEach((line, i) => {
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]/.exec(line)?.[1];
    if (key && key in parsed && !keys.has(key)) keys.set(key, i + 1);
  });
  return keys;
}

export function checkCompose(
  compose: string,
  envExample: string | undefined,
): { diagnostics: Diagnostic[]; facts: ComposeFacts } {
  const out: Diagnostic[] = [];
  const facts: ComposeFacts = {};
  const lines = new LineCounter();
  const doc = parseDocument(compose, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    return {
      diagnostics: [
        error('kit-compose-yaml', `compose.yaml is not valid YAML: ${first.message}`, {
          path: KIT_FILES.compose,
          line: lineOf(lines, first.pos[0]),
        }),
      ],
      facts,
    };
  }
  // 1. Variables: every reference needs a key in .env.example; every key must be referenced.
  const keys = envKeys(envExample ?? '');
  const used = new Set<string>();
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      for (const name of analyzeTemplate(node.value).references) {
        used.add(name);
        if (!keys.has(name))
          out.push(
            error(
              'kit-env-missing',
              `compose.yaml reads \${${name}}, but .env.example has no ${name}= line, so Compose would use an empty value or stop.`,
              {
                path: KIT_FILES.compose,
                line: lineOf(lines, node.range?.[0]),
              },
            ),
          );
      }
    },
  });
  for (const [key, line] of keys) {
    if (!used.has(key))
      out.push(
        warning('kit-env-unused', `.env.example sets ${key}, which compose.yaml never reads: remove it or use it.`, {
          path: KIT_FILES.envExample,
          line,
        }),
      );
  }
  // 2. Inline secrets, as the splitter would find them.
  for (const finding of findSecrets(compose)) {
    out.push(
      error(
        'kit-secret-inline',
        `compose.yaml holds a secret-looking value for ${finding.key} inline (${finding.reason}); move it to .env or a Docker secret.`,
        {
          path: KIT_FILES.compose,
          line: finding.line,
        },
      ),
    );
  }
  // 3. Ports: only the proxy's 80/443 may listen on every interface.
  const services = doc.get('services', true);
  if (isMap(services)) {
    for (const pair of services.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const service = pair.value;
      if (!isMap(service)) continue;
      const image = String(service.get('image') ?? '');
      const isProxy = image.startsWith('jc21/nginx-proxy-manager');
      const ports = service.get('ports', true);
      if (!isSeq(ports)) continue;
      for (const item of ports.items as Node[]) {
        const text = isScalar(item) ? String(item.value) : undefined;
        const port = text === undefined ? undefined : parseShortPort(text);
        if (!port) continue;
        if (isProxy && port.target === '81' && !ALL_INTERFACES.has(port.hostIp)) facts.proxyIp = port.hostIp;
        const open = ALL_INTERFACES.has(port.hostIp);
        if (open && !(isProxy && PUBLIC_PROXY_PORTS.includes(Number(port.target)))) {
          out.push(
            error(
              'kit-port-all-interfaces',
              `${name} publishes ${text} on every interface: Docker opens it past ufw. Bind it to the server's LAN address or 127.0.0.1 (e.g. 192.168.1.10:${port.published || port.target}:${port.target}${port.protocol}).`,
              {
                path: KIT_FILES.compose,
                line: lineOf(lines, item.range?.[0]),
              },
            ),
          );
        }
      }
    }
  }
  return { diagnostics: out, facts };
}
