import * as z from 'zod/mini';

type Built<T extends Record<string, () => z.ZodMiniType>> = { readonly [K in keyof T]: z.ZodMiniLazy<ReturnType<T[K]>> };

/**
 * A function's action schemas, each built the first time it checks an input. Building schemas is
 * most of what validation costs a cold start, and a cold start checks one action's input.
 */
export function onFirstUse<T extends Record<string, () => z.ZodMiniType>>(build: T): Built<T> {
  const schemas: Partial<Record<keyof T, z.ZodMiniType>> = {};
  for (const name of Object.keys(build) as (keyof T)[]) schemas[name] = z.lazy(build[name]);
  return schemas as Built<T>;
}
