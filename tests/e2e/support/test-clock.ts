import type { Api } from './api';

/**
 * The host's test clock (a host started with JINLIN_TEST_CLOCK=1 answers /api/__test): what time it
 * is on the server, and moving it on. Phones keep their own clocks; a test moves them to match.
 */
export function testClock(http: Api) {
  const post = async (body: unknown) => {
    const json = await http.post('__test', body);
    if (!json.ok) throw new Error(`__test: ${json.code} ${json.message}`);
    return json.data;
  };
  return {
    now: async (): Promise<number> => (await post({})).now,
    /** With `sweep`, the timer's sweep runs at the new time; what it did comes back. */
    advance: (ms: number, opts: { sweep?: boolean } = {}): Promise<any> => post({ advanceMs: ms, ...opts }),
  };
}
