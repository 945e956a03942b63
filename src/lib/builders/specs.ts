/**
 * Every builder's spec by registry id. For tests, scripts and tools that work across builders (the doctor's field
 * links, the front-door kit); islands import only their own spec, so a page never loads the other builders.
 */
import { accessControlBuilder } from '../authelia/builder-access';
import { autheliaSetupBuilder } from '../authelia/builder-setup';
import { composeBuilder } from '../compose/builder';
import { internalDnsBuilder } from '../dns/builder';
import { kitBuilder } from '../kit/builder';
import { npmBuilder } from '../npm/builder';
import { sshBuilder } from '../ssh/builder';
import { tailscaleBuilder } from '../tailscale/builder';
import type { BuilderSpec } from './spec';

// Each spec keeps its own State and Input types; across builders only the shape matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBuilderSpec = BuilderSpec<any, any>;

export const BUILDER_SPECS: Readonly<Record<string, AnyBuilderSpec>> = {
  [tailscaleBuilder.id]: tailscaleBuilder,
  [internalDnsBuilder.id]: internalDnsBuilder,
  [npmBuilder.id]: npmBuilder,
  [autheliaSetupBuilder.id]: autheliaSetupBuilder,
  [accessControlBuilder.id]: accessControlBuilder,
  [composeBuilder.id]: composeBuilder,
  [sshBuilder.id]: sshBuilder,
  [kitBuilder.id]: kitBuilder,
};
