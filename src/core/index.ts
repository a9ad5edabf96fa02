export * from './errors';
export * from './clock';
export * from './units';
export * from './roles';
export * from './people';
export * from './schemas';
export * from './api';
export * from './reports';
