export * from './effective';
export * from './keywords';
