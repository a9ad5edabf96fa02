export interface AuditEntry {
  id: string;
  at: number;
  actorId: string | null;
  action: string;
  targetKind: 'unit' | 'person' | 'binding' | 'session' | 'report' | 'settings' | 'import' | 'holidays' | 'code' | 'registration' | 'checkin' | 'lecture' | 'speaker' | 'api_key' | 'pairing' | 'wish' | 'property_company' | 'assessment' | 'topic' | 'compound_rules' | 'partner' | 'resource' | 'need' | 'project' | 'partner_visit';
  targetId: string;
  /** The unit whose subtree the act happened in (what the audit log is scoped by); null when none. */
  unitPath?: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  /** Entries whose unitPath lies in this subtree. */
  path?: string;
  targetId?: string;
  actorId?: string;
  action?: string;
  from?: number;
  /** Exclusive. */
  to?: number;
  /** Exclusive: entries strictly older than this (paging back). */
  before?: number;
}

export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>;
  listForTarget(targetId: string, limit: number): Promise<AuditEntry[]>;
  /** Newest first (at, then id, descending), at most `limit`. */
  search(filter: AuditFilter, limit: number): Promise<AuditEntry[]>;
}
