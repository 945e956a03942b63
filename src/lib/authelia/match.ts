/** The request simulator, kept at this path for existing imports; it lives in ./access-control/match. */
export * from './access-control/match';
