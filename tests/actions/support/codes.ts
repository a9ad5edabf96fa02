/** What the codes tests share: making a code as someone, and counting what a refusal must not write. */
import type { CodePurpose, CodeView } from '../../../src/core';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { data, type Harness } from '../../support/harness';

export const DAY = 24 * 3600_000;

export interface CodeInput {
  unitId: string;
  purpose: CodePurpose;
  label?: string | null;
  validFrom?: number | null;
  validUntil?: number | null;
  useLimit?: number | null;
  personId?: string | null;
}

export function codesKit(h: Harness) {
  const make = async (cred: Credentials, input: CodeInput) => data(await h.call<CodeView>('codes', 'create', input, cred));

  /** Every audit entry and every code of the demo tree, as they stand. */
  async function written() {
    const audit = (await h.store.audit.search({}, 100_000)).length;
    const units = await h.allUnits();
    const codes = (await Promise.all(units.map((u) => h.store.codes.listForUnit(u.id)))).flat();
    return { audit, codes: JSON.stringify(codes.sort((a, b) => a.id.localeCompare(b.id))) };
  }

  /** Runs `run` and asserts it wrote no audit entry and changed no code. */
  async function writesNothing(run: () => Promise<unknown>) {
    const before = await written();
    await run();
    expect(await written()).toEqual(before);
  }

  return { make, written, writesNothing };
}
