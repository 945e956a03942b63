/**
 * The homelab profile: the reader's setup typed once (domain, LAN, services, users) and turned into the input of every
 * builder. Pure: validation and derivation only; storage lives in the UI kit.
 */
export * from './model';
export { validateProfile } from './validate';
export * from './form';
