/** Small key/value settings the server keeps with its data (the session signing secret, seed marks). */
export interface MetaRepo {
  get(key: string): Promise<string | null>;
  /** Sets the key only if it has no value yet; returns the value that is stored afterwards. */
  setIfAbsent(key: string, value: string): Promise<string>;
  /**
   * Sets the key to `next` only if its value is still `expected` (null: absent), atomically;
   * returns false (writing nothing) otherwise.
   */
  compareAndSet(key: string, expected: string | null, next: string): Promise<boolean>;
}
