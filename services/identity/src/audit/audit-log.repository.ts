import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

/** Security events admins can page through. Never holds passwords or tokens, only ids and addresses. */
export type AuditAction =
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'REFRESH_TOKEN_REUSED'
  | 'KIND_CHANGED'
  | 'ROLE_GRANTED'
  | 'ROLE_REVOKED'
  | 'USER_SUSPENDED'
  | 'USER_UNSUSPENDED'
  | 'API_TOKEN_CREATED'
  | 'API_TOKEN_REVOKED'
  | 'INVITATION_CREATED'
  | 'INVITATION_ACCEPTED'
  | 'EMAIL_VERIFIED'
  | 'SIGNING_KEY_ROTATED';

export interface AuditEventRecord {
  /** A bigint, which pg hands over as a string. */
  id: string;
  at: Date;
  action: AuditAction;
  actorId: string | null;
  subjectUserId: string | null;
  clientAddress: string | null;
  details: Record<string, unknown>;
}

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subjectUserId?: string | null;
  clientAddress?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditLogRepository {
  constructor(private readonly database: Database) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.database.query(
      `INSERT INTO identity.audit_events (action, actor_id, subject_user_id, client_address, details) VALUES ($1, $2, $3, $4, $5)`,
      [
        entry.action,
        entry.actorId ?? null,
        entry.subjectUserId ?? null,
        entry.clientAddress ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** Newest first; `after` is the id of the last event of the previous page (keyset paging). */
  async list(first: number, after?: number): Promise<{ events: AuditEventRecord[]; hasNextPage: boolean }> {
    const rows = await this.database.query<AuditEventRecord[]>(
      `SELECT id, at, action, actor_id AS "actorId", subject_user_id AS "subjectUserId",
              client_address AS "clientAddress", details
         FROM identity.audit_events WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [after ?? null, first + 1],
    );
    return { hasNextPage: rows.length > first, events: rows.slice(0, first) };
  }
}
