import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';

export function rateLimitsContract(ctx: ContractContext) {
  describe('rate limits', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('counts each key and window apart', async () => {
      expect(await store.rateLimits.take('openid:a', 600_000)).toBe(1);
      expect(await store.rateLimits.take('openid:a', 600_000)).toBe(2);
      expect(await store.rateLimits.take('openid:b', 600_000)).toBe(1);
      expect(await store.rateLimits.take('openid:a', 1_200_000)).toBe(1);
      expect(await store.rateLimits.take('openid:a', 600_000)).toBe(3);
    });

    it('counts every one of 50 concurrent takes', async () => {
      const answers = await Promise.all(Array.from({ length: 50 }, () => store.rateLimits.take('ip:1.2.3.4', 0)));
      for (const a of answers) expect(a >= 1 && a <= 50).toBe(true);
      expect(Math.max(...answers)).toBe(50);
      // SQLite counts and answers in one statement, so each take sees its own count; CloudBase
      // reads the count after its increment and may see later takes too (never fewer than its own).
      if (store.kind === 'sqlite') expect([...answers].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.rateLimits.take('ip:1.2.3.4', 0)).toBe(51);
    }, 60_000);

    it('gives a take back, never below zero, and clears one window of one key', async () => {
      await store.rateLimits.take('k', 0);
      await store.rateLimits.take('k', 0);
      await store.rateLimits.take('k', 900);
      await store.rateLimits.giveBack('k', 0);
      expect(await store.rateLimits.take('k', 0)).toBe(2);
      for (let i = 0; i < 4; i++) await store.rateLimits.giveBack('k', 0);
      await store.rateLimits.giveBack('never-taken', 0);
      expect(await store.rateLimits.take('k', 0)).toBe(1);
      await store.rateLimits.clear('k', 0);
      await store.rateLimits.clear('never-taken', 0);
      expect(await store.rateLimits.take('k', 0)).toBe(1);
      // Another window of the key keeps its count.
      expect(await store.rateLimits.take('k', 900)).toBe(2);
    });

    it('keeps an exact count when takes and give-backs race', async () => {
      for (let i = 0; i < 10; i++) await store.rateLimits.take('race', 0);
      await Promise.all([
        ...Array.from({ length: 20 }, () => store.rateLimits.take('race', 0)),
        ...Array.from({ length: 10 }, () => store.rateLimits.giveBack('race', 0)),
      ]);
      expect(await store.rateLimits.take('race', 0)).toBe(21);
    }, 60_000);

    it('lets no more than a limit through when 30 take a try at once', async () => {
      // What a sign-in lock rests on: the take comes before the password is checked.
      const answers = await Promise.all(Array.from({ length: 30 }, () => store.rateLimits.take('signIn:account:x', 0)));
      expect(answers.filter((n) => n <= 5).length).toBeLessThanOrEqual(5);
      expect(await store.rateLimits.take('signIn:account:x', 0)).toBe(31);
    }, 60_000);

    it('purges the windows that started before a time, and only those', async () => {
      await store.rateLimits.take('a', 1_000);
      await store.rateLimits.take('b', 1_000);
      await store.rateLimits.take('a', 2_000);
      await store.rateLimits.take('a', 3_000);
      expect(await store.rateLimits.purgeBefore(2_000)).toBe(2);
      expect(await store.rateLimits.purgeBefore(2_000)).toBe(0);
      expect(await store.rateLimits.take('a', 1_000)).toBe(1);
      expect(await store.rateLimits.take('a', 2_000)).toBe(2);
      expect(await store.rateLimits.take('a', 3_000)).toBe(2);
    });
  });
}
