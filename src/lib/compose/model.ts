/**
 * Reads a parsed compose Document into the environment entries of every service, following aliases, `x-*` anchors and
 * `<<` merge keys the way Compose does (a service's own keys win over merged ones; earlier merge sources win over later).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { analyzeTemplate } from './interpolate';
import { resolvePlainScalar, type PlainResolution } from './yaml-typing';

export interface Usage {
  service: string;
  key: string;
}

/** The service settings whose `KEY: value` / `- KEY=value` entries the splitter can move. */
export type EntryField = 'environment' | 'labels';

export interface EnvEntry {
  /** `environment:` (reaches the container) or `labels:` (read by other programs, such as Traefik). */
  field: EntryField;
  /** Where the moved scalar is written in the file, e.g. `services.app.environment.DB_PASSWORD` or `x-db.environment[1]`. */
  id: string;
  form: 'map' | 'list';
  node: Scalar;
  /** The key scalar of a map-form entry. */
  keyNode: Scalar | undefined;
  /** The key as the container sees it (first usage). */
  key: string;
  usages: Usage[];
  /** The value Compose passes today, when it does not depend on any variable. */
  current: string | undefined;
  /** The value to keep: `current`, except for an unquoted value Compose retypes (then the text as written). */
  intended: string | undefined;
  /** Set when an unquoted map value is read as a number or boolean whose string differs from what was written. */
  retyped: PlainResolution | undefined;
  /** Variables the value refers to. */
  references: string[];
  /** Compose rejects the value ("invalid interpolation format"). */
  invalid: boolean;
  /** Why it cannot be moved (null value, tag, not a string…). */
  unmovable: string | undefined;
}

export interface ServiceInfo {
  name: string;
  map: YAMLMap | undefined;
  /** The service's own (non-merged) map node as written under `services:` (undefined when it is an alias). */
  ownMap: YAMLMap | undefined;
  image: string | undefined;
  envFile: Node | undefined;
}

type AnyNode = Node | null | undefined;

export class ComposeModel {
  readonly doc: Document;
  readonly src: string;
  readonly paths = new Map<unknown, string>();
  readonly services: ServiceInfo[] = [];
  readonly entries: EnvEntry[] = [];
  /** Duplicate keys inside one list-form environment or label list. */
  readonly listDuplicates: { service: string; key: string; node: Scalar; field: EntryField }[] = [];
  readonly badValues: { service: string; key: string; node: Node; field: EntryField }[] = [];
  /** Keys written twice in one mapping (Compose's YAML reader refuses the file). */
  readonly duplicateKeys: { key: string; node: Scalar }[] = [];
  /** Variables the file already refers to with `$NAME` / `${NAME…}`. */
  readonly references = new Set<string>();

  constructor(doc: Document, src: string) {
    this.doc = doc;
    this.src = src;
    this.indexPaths(doc.contents as AnyNode, '');
  }

  raw(node: Node): string {
    const r = node.range;
    return r ? this.src.slice(r[0], r[1]) : '';
  }

  resolve(node: AnyNode): AnyNode {
    let n = node;
    for (let guard = 0; isAlias(n) && guard < 64; guard++) n = n.resolve(this.doc) as AnyNode;
    return isAlias(n) ? undefined : n;
  }

  isMergeKey(pair: Pair): boolean {
    return isScalar(pair.key) && pair.key.type === 'PLAIN' && this.raw(pair.key) === '<<';
  }

  keyString(key: unknown): string {
    if (!isScalar(key)) return String(key);
    if (key.type === 'PLAIN' && typeof key.value !== 'string') return this.raw(key);
    return String(key.value);
  }

  /** Records where each node is written, duplicate keys, and the variables string values refer to (one walk). */
  private indexPaths(node: AnyNode, path: string): void {
    if (!node || isAlias(node)) return;
    this.paths.set(node, path);
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = this.keyString(pair.key);
        if (seen.has(k) && isScalar(pair.key)) this.duplicateKeys.push({ key: k, node: pair.key });
        seen.add(k);
        const seg = /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
        this.indexPaths(pair.value as AnyNode, path ? `${path}.${seg}` : seg);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => this.indexPaths(item as AnyNode, `${path}[${i}]`));
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('$')) {
      for (const name of analyzeTemplate(node.value).references) this.references.add(name);
    }
  }

  /** Effective key → pair of a mapping, merge keys applied. */
  pairsOf(map: YAMLMap, depth = 0): Map<string, Pair> {
    const out = new Map<string, Pair>();
    const merges: AnyNode[] = [];
    for (const pair of map.items) {
      if (this.isMergeKey(pair)) merges.push(pair.value as AnyNode);
      else if (!out.has(this.keyString(pair.key))) out.set(this.keyString(pair.key), pair);
    }
    if (depth > 32) return out;
    for (const m of merges) {
      const v = this.resolve(m);
      const sources = isSeq(v) ? v.items.map((i) => this.resolve(i as AnyNode)) : [v];
      for (const s of sources) {
        if (!isMap(s)) continue;
        for (const [k, p] of this.pairsOf(s, depth + 1)) if (!out.has(k)) out.set(k, p);
      }
    }
    return out;
  }

  /** Reads services and their environment entries. */
  read(): void {
    const root = this.resolve(this.doc.contents as AnyNode);
    if (!isMap(root)) return;
    const services = this.resolve(this.pairsOf(root).get('services')?.value as AnyNode);
    if (!isMap(services)) return;
    const byNode = new Map<Scalar, EnvEntry>();
    for (const pair of services.items) {
      const name = this.keyString(pair.key);
      const own = pair.value as AnyNode;
      const map = this.resolve(own);
      const info: ServiceInfo = {
        name,
        map: isMap(map) ? map : undefined,
        ownMap: isMap(own) ? own : undefined,
        image: undefined,
        envFile: undefined,
      };
      this.services.push(info);
      if (!info.map) continue;
      const pairs = this.pairsOf(info.map);
      const image = this.resolve(pairs.get('image')?.value as AnyNode);
      info.image = isScalar(image) && typeof image.value === 'string' ? image.value : undefined;
      info.envFile = (pairs.get('env_file')?.value as Node | undefined) ?? undefined;
      this.readEntries(name, this.resolve(pairs.get('environment')?.value as AnyNode), byNode, 'environment');
      this.readEntries(name, this.resolve(pairs.get('labels')?.value as AnyNode), byNode, 'labels');
    }
    this.entries.push(...byNode.values());
  }

  /**
   * `environment:` and `labels:` share one shape (compose-spec `list_or_dict`): a mapping, or a list of `KEY=value`.
   * https://github.com/compose-spec/compose-go/blob/v2.13.0/schema/compose-spec.json
   */
  private readEntries(service: string, env: AnyNode, byNode: Map<Scalar, EnvEntry>, field: EntryField): void {
    if (isMap(env)) {
      for (const [key, pair] of this.pairsOf(env)) {
        const value = this.resolve(pair.value as AnyNode);
        const keyNode = isScalar(pair.key) ? pair.key : undefined;
        if (isScalar(value)) this.addUsage(byNode, value, { form: 'map', service, key, keyNode, field });
        else if (value) this.badValues.push({ service, key, node: value, field });
      }
    } else if (isSeq(env)) {
      const seen = new Set<string>();
      for (const item of env.items) {
        const node = this.resolve(item as AnyNode);
        if (!isScalar(node) || typeof node.value !== 'string') continue;
        const key = (analyzeTemplate(node.value).literal ?? node.value).split('=')[0] ?? '';
        if (seen.has(key)) this.listDuplicates.push({ service, key, node, field });
        seen.add(key);
        this.addUsage(byNode, node, { form: 'list', service, key, keyNode: undefined, field });
      }
    }
  }

  private addUsage(
    byNode: Map<Scalar, EnvEntry>,
    node: Scalar,
    place: { form: 'map' | 'list'; service: string; key: string; keyNode: Scalar | undefined; field: EntryField },
  ): void {
    const { form, service, key, keyNode, field } = place;
    const existing = byNode.get(node);
    if (existing) {
      const known = existing.usages.some((usage) => usage.service === service && usage.key === key);
      if (!known) existing.usages.push({ service, key });
      if (existing.form !== form) existing.unmovable = 'The same anchored value is used both as a list item and as a map value.';
      if (existing.field !== field) existing.unmovable = 'The same anchored value is used both in environment: and in labels:.';
      return;
    }
    byNode.set(node, {
      ...this.valueOf(node, form),
      field,
      id: this.paths.get(node) ?? `services.${service}.${field}.${key}`,
      form,
      node,
      keyNode,
      key,
      usages: [{ service, key }],
    });
  }

  private valueOf(
    node: Scalar,
    form: 'map' | 'list',
  ): Pick<EnvEntry, 'current' | 'intended' | 'retyped' | 'references' | 'invalid' | 'unmovable'> {
    const none = { current: undefined, intended: undefined, retyped: undefined, references: [], invalid: false };
    if (node.tag && node.tag !== 'tag:yaml.org,2002:str' && node.tag !== '!!str')
      return { ...none, unmovable: 'The value carries an explicit YAML tag.' };
    if (form === 'map' && node.type === 'PLAIN' && !node.tag) {
      const text = typeof node.value === 'string' ? node.value : this.raw(node);
      const res = resolvePlainScalar(text);
      if (res.type === 'null') return { ...none, unmovable: 'The key has no value (Compose takes it from the shell or .env).' };
      if (res.type !== 'string') {
        const retyped = res.value !== text ? res : undefined;
        return { ...none, current: res.value, intended: text, retyped, unmovable: undefined };
      }
    }
    if (typeof node.value !== 'string') return { ...none, unmovable: 'The value is not a string.' };
    const a = analyzeTemplate(node.value);
    if (form === 'list') {
      const eq = (a.literal ?? node.value).indexOf('=');
      if (eq < 0)
        return {
          ...none,
          references: a.references,
          invalid: a.invalid,
          unmovable: 'The entry has no value (Compose takes it from the shell or .env).',
        };
      const value = a.literal?.slice(eq + 1);
      return {
        current: value,
        intended: value,
        retyped: undefined,
        references: a.references,
        invalid: a.invalid,
        unmovable: undefined,
      };
    }
    return {
      current: a.literal,
      intended: a.literal,
      retyped: undefined,
      references: a.references,
      invalid: a.invalid,
      unmovable: undefined,
    };
  }
}
