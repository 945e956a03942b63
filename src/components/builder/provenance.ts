import { withProvenance, type GeneratedFile } from '../../lib/core';
import { SITE } from '../../lib/site/meta';

/** Stamps each generated file with the site version, the upstream it targets and today's date. */
export function stamp(files: GeneratedFile[], target: string, url?: string): GeneratedFile[] {
  const date = new Date().toISOString().slice(0, 10);
  return files.map((file) => withProvenance(file, { site: SITE.version, target, date, ...(url ? { url } : {}) }));
}
