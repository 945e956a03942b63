/**
 * The front-door kit: one homelab profile and a few choices in, every file of the four layers out (compose.yaml,
 * .env.example, create-secrets.sh, Authelia, NPM snippets and checklist, DNS, Tailscale, SSH, a runbook), checked
 * against each other. Pure. Layout: one module per output (compose, env, authelia, npm, layers, readme), validate.ts
 * (the input), check*.ts (the cross-checks), builder.ts (the spec, id `kit`).
 */
export {
  defaultKitChoices,
  KIT_DELIVERY_CHOICES,
  KIT_DNS_CHOICES,
  KIT_FILES,
  KIT_NETWORK,
  KIT_SECRETS_CHOICES,
  type KitChoices,
  type KitDns,
  type KitExtras,
} from './types';
export { generateFrontDoorKit } from './generate';
export { checkFrontDoorKit } from './check';
export { validateKitInput } from './validate';
export { kitSecrets, type KitSecret } from './secrets';
export { KIT_IMAGES } from './facts';
export { kitBuilder, completeKitChoices, KIT_CHOICES, KIT_TARGET, type KitState } from './builder';
