/**
 * Docker Compose messages about .env files and ${…} interpolation. The texts are compose-go's, which the project's
 * own parser (src/lib/compose: dotenv.ts, interpolate.ts) reproduces word for word.
 */
import type { Signature } from '../types';

const SECRETS = '/guides/secrets/';
const SPLITTER = { builder: 'compose', field: 'composeSource' } as const;

export const COMPOSE_SIGNATURES: readonly Signature[] = [
  {
    id: 'compose-dotenv-bom',
    tool: 'compose',
    title: '.env starts with a byte-order mark',
    needle: 'unexpected character',
    pattern: /unexpected character "(?:\\ufeff|\ufeff|»)" in variable name/,
    specificity: 60,
    supersedes: ['compose-dotenv-unexpected-character'],
    cause:
      'The .env file was saved as "UTF-8 with BOM" (common with Windows editors); Compose reads the invisible mark as part of the first variable name.',
    fix: [{ text: 'Save the file as UTF-8 without BOM, or strip the mark.', command: "sed -i '1s/^\\xEF\\xBB\\xBF//' .env" }],
    guide: `${SECRETS}#the-dollar-sign-and-quoting-traps`,
    builder: SPLITTER,
  },
  {
    id: 'compose-dotenv-unexpected-character',
    tool: 'compose',
    title: '.env: unexpected character in variable name',
    needle: 'unexpected character',
    pattern: /unexpected character "[^"\n]{1,16}" in variable name/,
    specificity: 50,
    cause:
      'A line of the .env file does not start with a valid variable name: names may hold only letters, digits, underscores and dots, a value line was wrapped onto the next line, or a value with spaces or # is not quoted.',
    fix: [
      {
        text: 'Open the .env line the message names; use NAME=value with a plain name, and quote values that contain spaces, # or quotes.',
      },
      { text: 'Let Compose show what it reads.', command: 'docker compose config --environment' },
    ],
    guide: `${SECRETS}#the-dollar-sign-and-quoting-traps`,
    builder: SPLITTER,
  },
  {
    id: 'compose-dotenv-unterminated-quote',
    tool: 'compose',
    title: '.env: unterminated quoted value',
    needle: 'unterminated quoted value',
    pattern: /unterminated quoted value/,
    specificity: 50,
    cause: 'A value in the .env file opens a quote that never closes (often a password containing the same quote character).',
    fix: [
      { text: 'Close the quote, or wrap a value that contains " in single quotes (and one that contains \' in double quotes).' },
    ],
    guide: `${SECRETS}#the-dollar-sign-and-quoting-traps`,
    builder: SPLITTER,
  },
  {
    id: 'compose-dotenv-key-space',
    tool: 'compose',
    title: '.env: key cannot contain a space',
    needle: 'key cannot contain a space',
    pattern: /key cannot contain a space/,
    specificity: 50,
    cause: 'A .env line has a space inside the name or before the = sign.',
    fix: [{ text: 'Write NAME=value with no spaces around the name.' }],
    guide: `${SECRETS}#move-values-into-env`,
    builder: SPLITTER,
  },
  {
    id: 'compose-required-variable',
    tool: 'compose',
    title: 'Required variable is missing a value',
    needle: 'missing',
    pattern:
      /(?:required variable [A-Za-z_][A-Za-z0-9_]{0,200} is missing a value|Missing mandatory value for "[^"\n]{1,80}" option)/,
    specificity: 55,
    supersedes: ['compose-invalid-interpolation'],
    cause:
      'The compose file marks a variable as required (${NAME:?message} or ${NAME?message}) and neither .env nor the shell sets it. This is the check doing its job.',
    fix: [
      { text: 'Set the variable in the .env file next to compose.yaml (or pass --env-file).' },
      { text: 'Check what Compose will use.', command: 'docker compose config --environment' },
    ],
    guide: `${SECRETS}#check-what-compose-will-actually-use`,
    builder: SPLITTER,
  },
  {
    id: 'compose-invalid-interpolation',
    tool: 'compose',
    title: 'Invalid interpolation format (a $ that needs escaping)',
    needle: 'invalid interpolation format',
    pattern: /invalid interpolation format for [^\n]{1,300}/i,
    specificity: 50,
    cause:
      'A value contains a $ that Compose reads as the start of a variable: a password or a bcrypt/argon2 hash with $ in it, or a ${…} that is not closed. Compose does not treat single quotes as protection.',
    fix: [{ text: 'Write every literal $ as $$ in compose.yaml, or move the value into .env or a secret file.' }],
    guide: `${SECRETS}#the-dollar-sign-and-quoting-traps`,
    builder: SPLITTER,
  },
  {
    id: 'compose-variable-not-set',
    tool: 'compose',
    title: 'Variable is not set, defaulting to a blank string',
    needle: 'variable is not set',
    pattern: /The "?[A-Za-z_][A-Za-z0-9_]{0,200}"? variable is not set\. Defaulting to a blank string/,
    specificity: 45,
    cause:
      'Compose found ${NAME} with no value in .env or the shell and put in an empty string. Often a password-looking $ inside a value, which Compose read as a variable; sometimes .env is not next to the compose file.',
    fix: [
      { text: 'Set the variable in .env, or write a literal $ as $$.' },
      { text: 'See the values Compose uses.', command: 'docker compose config --environment' },
    ],
    guide: `${SECRETS}#the-dollar-sign-and-quoting-traps`,
    builder: SPLITTER,
  },
];
