export * from './calendar';
export * from './categories';
export * from './deadlines';
export * from './machine';
export * from './report';
export * from './routing';
export * from './figures';
export * from './engine';
