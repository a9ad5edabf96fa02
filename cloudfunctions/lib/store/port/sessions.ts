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
  /** Removes sessions that expired before `before`; returns how many. */
  purgeExpired(before: number): Promise<number>;
}
