/**
 * Reading the pasted text: size and binary checks, YAML parsing with line:column positions, the compose shape check,
 * and the model of services and environment entries.
 */
import { isAlias, isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { error, type Diagnostic } from '../../core';
import { emptyInput, isEmptyInput } from '../empty';
import { ComposeModel } from '../model';
import { MAX_INPUT_CHARS } from './types';

export interface Parsed {
  model: ComposeModel | undefined;
  lines: LineCounter;
  diagnostics: Diagnostic[];
}

/** Offset of the first character YAML forbids and text never holds (C0 controls except tab/CR/LF, DEL, U+FFFE/FFFF), or -1. */
function firstControlChar(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const forbiddenControl = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (forbiddenControl || code === 0x7f || code === 0xfffe || code === 0xffff) return index;
  }
  return -1;
}

/** 1-based line and column of a source offset. */
export function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const at = lines.linePos(offset);
  return { line: at.line, column: at.col };
}

function offsetPosition(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const YAML_CODES: Record<string, string> = { TAB_AS_INDENT: 'yaml-tab-indent' };

function checkInput(source: string): Diagnostic[] {
  if (source.length > MAX_INPUT_CHARS) {
    const megabytes = (source.length / 1_048_576).toFixed(1);
    return [
      error(
        'input-too-large',
        `The pasted text is ${megabytes} MB; the splitter reads compose files up to 1 MB. Paste only the compose file.`,
      ),
    ];
  }
  const bad = firstControlChar(source);
  if (bad >= 0) {
    const at = offsetPosition(source, bad);
    const code = source.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
    return [
      error(
        'not-text',
        `Line ${at.line}, column ${at.column} holds the control character U+${code}; this looks like binary data, not a compose file.`,
        at,
      ),
    ];
  }
  if (isEmptyInput(source)) return [emptyInput()];
  return [];
}

function checkStructure(doc: Document): Diagnostic | undefined {
  const root = doc.contents;
  if (!isMap(root)) {
    return error(
      'not-compose',
      'This is not a compose file: the top level must be a mapping of keys such as services:, volumes: and networks:.',
    );
  }
  const raw = root.get('services', true);
  if (raw === undefined)
    return error('no-services', 'This YAML has no services: section, so it is not a compose file (or only a fragment of one).');
  const services = isAlias(raw) ? raw.resolve(doc) : raw;
  if (!isMap(services)) {
    return error('services-not-map', 'services: must be a mapping of service names to their settings.', { path: 'services' });
  }
  return undefined;
}

/** Parses the pasted text; `model` is undefined when it cannot be read as a compose file (the diagnostics say why). */
export function parseCompose(source: string): Parsed {
  const lines = new LineCounter();
  const early = checkInput(source);
  if (early.length) return { model: undefined, lines, diagnostics: early };
  // Merge keys and duplicate keys are handled by ComposeModel (the yaml package's own checks cost a third of the time).
  const doc = parseDocument(source, { prettyErrors: false, lineCounter: lines, uniqueKeys: false });
  const diagnostics = doc.errors.map((yamlError) => {
    const at = position(lines, yamlError.pos[0]);
    const code = YAML_CODES[yamlError.code] ?? 'yaml-syntax';
    return error(code, `YAML error at line ${at.line}, column ${at.column}: ${yamlError.message}.`, at);
  });
  if (doc.errors.length) return { model: undefined, lines, diagnostics };
  const structural = checkStructure(doc);
  if (structural) return { model: undefined, lines, diagnostics: [structural] };
  const model = new ComposeModel(doc, source);
  for (const duplicate of model.duplicateKeys) {
    const at = position(lines, duplicate.node.range?.[0] ?? 0);
    diagnostics.push(
      error(
        'yaml-duplicate-key',
        `YAML error at line ${at.line}, column ${at.column}: the key ${duplicate.key} appears twice in the same mapping; Compose refuses the file.`,
        at,
      ),
    );
  }
  model.read();
  return { model, lines, diagnostics };
}
