/**
 * Upstream facts the compose splitter relies on, each with the pinned source it was checked against. Data only.
 */

/** The program the generated files target, named in their provenance header. */
export const COMPOSE_TARGET = 'Docker Compose v2';

export const SOURCES = {
  /** Every string value of the file is interpolated (keys are not), then cast for a fixed list of paths. */
  interpolation: 'https://github.com/compose-spec/compose-go/blob/v2.13.0/interpolation/interpolation.go#L72-L109',
  /** `${VAR:?message}`, `$$`, and the rest of the template syntax. */
  template: 'https://github.com/compose-spec/compose-go/blob/v2.13.0/template/template.go',
  /** A string-form command is split with go-shellwords after interpolation. */
  shellCommand: 'https://github.com/compose-spec/compose-go/blob/v2.13.0/types/command.go#L73',
  /** Short-syntax ports: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`. */
  ports: 'https://github.com/compose-spec/compose-go/blob/v2.13.0/types/types.go#L475',
  /** "the attribute `version` is obsolete, it will be ignored". */
  obsoleteVersion: 'https://github.com/compose-spec/compose-go/blob/v2.13.0/loader/loader.go#L104',
  /** Top-level secrets from `file:` or `environment:` (the latter since Compose 2.6.0). */
  secrets: 'https://github.com/compose-spec/compose-spec/blob/master/09-secrets.md',
} as const;
