export interface Session {
  id: string;
  tokenHash: string;
  personId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface SessionRepo {
  insert(session: Session): Promise<void>;
  findByTokenHash(hash: string): Promise<Session | null>;
  revoke(id: string, at: number): Promise<boolean>;
  /**
   * Revokes every live session of a person (a password reset or change), but `except` (the one the
   * person changes their password from); returns how many it revoked.
   */
  revokeAllFor(personId: string, at: number, except?: string): Promise<number>;
  /** Removes sessions that expired before `before`; returns how many. */
  purgeExpired(before: number): Promise<number>;
}
