/** Facts the reader needs once per split, whatever the number of values involved. */
import { info } from '../../core';
import { imageRepository } from '../images';
import type { Context, Group } from './types';

/** Official images that apply their password only when the data directory is first created. */
const INIT_ONLY_IMAGES = new Set(['postgres', 'mariadb', 'mysql']);

/** Compose version for environment secrets, the script to run, first-start-only database passwords. */
export function noteOnce(ctx: Context, groups: readonly Group[]): void {
  const secrets = groups.filter((group) => group.secret);
  if (secrets.length && ctx.options.secretSource === 'environment') {
    ctx.diagnostics.push(
      info(
        'secrets-need-compose-2-6',
        'Secrets read from .env variables (secrets: … environment:) need Docker Compose 2.6.0 or later.',
      ),
    );
  }
  if (secrets.length && ctx.options.secretSource === 'file') {
    ctx.diagnostics.push(
      info(
        'secrets-run-script',
        'Run create-secrets.sh once in the project directory to write the secret files, then delete it.',
      ),
    );
  }
  const databaseUsages = groups
    .flatMap((group) => group.entries.flatMap((entry) => entry.usages))
    .filter((usage) => {
      const image = ctx.model.services.find((service) => service.name === usage.service)?.image;
      return image !== undefined && INIT_ONLY_IMAGES.has(imageRepository(image));
    });
  for (const service of new Set(databaseUsages.map((usage) => usage.service))) {
    ctx.diagnostics.push(
      info(
        'database-password-first-start',
        `${service} applies its password only when its data directory is first created: moving it changes nothing for an existing database, and editing .env later does not change the password.`,
      ),
    );
  }
}
