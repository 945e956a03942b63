import { info, type Diagnostic } from '../core';

/**
 * What the splitter says about an empty box. A module of its own so the builder can show it before the parser (the
 * `yaml` library, most of the splitter's weight) has been loaded: nothing is fetched until there is text to split.
 */
export const isEmptyInput = (source: string): boolean => source.trim() === '';

export const emptyInput = (): Diagnostic =>
  info('empty-input', 'Paste a compose file (compose.yaml or docker-compose.yml) to split it.');
