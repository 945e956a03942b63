/**
 * The access-control half of the Authelia library: model, decoding, Authelia's validator, the builder's lints, the
 * renderer and the request simulator (exported separately from ../match).
 */
export * from './model';
export { normalizeAccessControl } from './decode';
export { validateAccessControl } from './validate';
export { lintAccessControl } from './lint';
export { renderAccessControl } from './render';
export { generateAccessControl } from './generate';
export { POLICIES, METHODS, OPERATORS, SUBJECT_PREFIXES } from './messages';
