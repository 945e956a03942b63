import type { Signature } from '../types';
import { AUTHELIA_SIGNATURES } from './authelia';
import { CLOUDFLARED_SIGNATURES } from './cloudflared';
import { COMPOSE_SIGNATURES } from './compose';
import { HOME_ASSISTANT_SIGNATURES } from './home-assistant';
import { NGINX_SIGNATURES } from './nginx';
import { SSH_SIGNATURES } from './ssh';
import { TAILSCALE_SIGNATURES } from './tailscale';

/** Every signature the doctor knows. */
export const SIGNATURES: readonly Signature[] = [
  ...AUTHELIA_SIGNATURES,
  ...NGINX_SIGNATURES,
  ...TAILSCALE_SIGNATURES,
  ...CLOUDFLARED_SIGNATURES,
  ...COMPOSE_SIGNATURES,
  ...SSH_SIGNATURES,
  ...HOME_ASSISTANT_SIGNATURES,
];
