import { DomainError } from '../../../src/core';

/** Expected failures are DomainErrors with a stable code, never another kind of throw. */
export async function rejectsWith(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toBeInstanceOf(DomainError);
  await expect(p).rejects.toMatchObject({ code });
}
