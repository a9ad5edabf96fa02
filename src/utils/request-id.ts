/**
 * A client request id: made once per form and sent again with every retry of the same
 * submission, so a flaky network never makes two reports. 24 characters, time plus randomness.
 */
export function newRequestId(now: number = Date.now()): string {
  let random = '';
  while (random.length < 16) random += Math.random().toString(36).slice(2);
  return `${now.toString(36)}${random}`.slice(0, 24);
}
