import type { Store } from '../../../cloudfunctions/lib/store/port';

/** What each aggregate's part of the contract is given: the store the suite opened for the running test. */
export interface ContractContext {
  store(): Store;
}
