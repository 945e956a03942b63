/**
 * Tailscale builder: `--advertise-routes` checked exactly as the tailscale CLI checks it, plus subnet-router,
 * exit-node and client commands, Linux prerequisites, policy-file autoApprovers and the Headscale variant.
 * Facts: ../shared/research/tailscale.md (tailscale 1.102.3, Headscale 0.29.2).
 */

/** Parse a `--advertise-routes` value: canonical sorted routes, CLI errors (with fixes) and warnings. */
export { parseAdvertiseRoutes, isDefaultRoute, toViaRoute, type ParsedRoutes } from './routes';

/** Generate the router, client and approval files for the chosen options. */
export { completeTailscaleOptions, generateTailscale, tailscaleCommands } from './generate';

/** Ready-made starting points for the builder (the article's subnet router, an exit node for travel, Headscale). */
export { tailscalePresets, type TailscalePreset } from './presets';

/** Options, their defaults (the article's 192.168.1.0/24 subnet router) and the allowed choice values. */
export {
  defaultTailscaleOptions,
  TAILSCALE_CHOICES,
  type Approval,
  type Coordination,
  type RouterFirewall,
  type RouterPlatform,
  type TailscaleOptions,
  type TailscaleRole,
} from './options';

/** Which option fields apply to a combination (the builder shows only those). */
export { applicableFields } from './plan';

/** Command argument lists, as returned by `tailscaleCommands`. */
export type { Argv, ClientCommands, RouterCommands, TailscaleCommands } from './commands';

/** The CLI's tag, hostname and exit-node rules. */
export { checkTag, checkHostname, parseTags, type ParsedTags } from './names';

/** Facts the UI may show (versions, OS lists, flag table). */
export { FLAG_FACTS, HEADSCALE_VERSION, TAILSCALE_VERSION, type ClientOs, type RouterOs } from './facts';
