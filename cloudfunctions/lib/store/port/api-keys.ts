/** Open311 interface keys (src/core/api-keys.ts): issued per community, found by the key's hash, revoked once. */
export interface ApiKey {
  id: string;
  communityId: string;
  /** The community's path when the key was issued: what an audit entry and a scope check read. */
  communityPath: string;
  partner: string;
  /** SHA-256 of the key (base64url); the key itself is never stored. */
  keyHash: string;
  /** The key's first characters, shown on the management page. */
  shown: string;
  /** The system person reports filed with this key are filed by (createdBy, timeline actor, audit actor). */
  actorId: string;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export interface ApiKeyRepo {
  /** Fails if a key with this id or hash exists (never in practice: both are random). */
  insert(key: ApiKey): Promise<void>;
  get(id: string): Promise<ApiKey | null>;
  /** The key whose hash this is, revoked or not (the caller refuses a revoked one). */
  findByHash(keyHash: string): Promise<ApiKey | null>;
  /** A community's keys, newest first. */
  listForCommunity(communityId: string): Promise<ApiKey[]>;
  /**
   * Revokes the key if it is live: the key as revoked, or null when there is no such key or it was
   * already revoked. Of two revokes racing, one wins and the other gets null.
   */
  revoke(id: string, at: number, by: string, reason: string): Promise<ApiKey | null>;
}
