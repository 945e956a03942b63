export * from './checks';
export * from './effective';
export * from './facts';
export * from './generate';
export * from './keywords';
export * from './options';
export * from './paste';
export * from './stock';
export { renderDropIn, dropInText, type DropIn } from './render';
