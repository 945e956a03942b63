import { describe, expect, it } from 'vitest';
import { interpolate, parseDotenv } from '../../../src/lib/compose';
import { diagnoseText } from '../../../src/lib/doctor';

/** The message the project's own compose-go-parity parser throws for `run`. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the parser to reject the input');
}

const CASES: [string, () => unknown, string][] = [
  ['dotenv: character not allowed in a name', () => parseDotenv('GOOD=1\n@BAD=2\n'), 'compose-dotenv-unexpected-character'],
  ['dotenv: space in a key', () => parseDotenv('GOOD=1\nMY KEY=2\n'), 'compose-dotenv-key-space'],
  ['dotenv: unterminated quote', () => parseDotenv('A="abc\n'), 'compose-dotenv-unterminated-quote'],
  ['dotenv: required variable inside .env', () => parseDotenv('A=${MISSING:?set it}\n'), 'compose-required-variable'],
  [
    'interpolate: required variable',
    () => interpolate('${DB_PASSWORD:?DB_PASSWORD must be set}', {}, 'services.db.environment.PASSWORD'),
    'compose-required-variable',
  ],
  ['interpolate: bad template', () => interpolate('${FOO', {}, 'services.app.environment.FOO'), 'compose-invalid-interpolation'],
];

describe("messages of the project's compose parser", () => {
  it.each(CASES)('%s', (_name, run, signature) => {
    const message = messageOf(run);
    // As Compose prints it: "failed to read <file>: <message>".
    const printed = `failed to read /srv/app/.env: ${message}`;
    expect(
      diagnoseText(message).findings.map((finding) => finding.id),
      message,
    ).toContain(signature);
    expect(
      diagnoseText(printed).findings.map((finding) => finding.id),
      printed,
    ).toContain(signature);
  });
});
