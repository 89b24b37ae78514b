import type { Audience, MembershipStatus, SpaceRole } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import type { MembershipRecord } from './membership.record';

interface MembershipRow {
  space_id: string;
  user_id: string;
  role: SpaceRole;
  status: MembershipStatus;
  joined_at: Date;
  guidelines_accepted_at: Date | null;
}

const COLUMNS = 'space_id, user_id, role, status, joined_at, guidelines_accepted_at';

function toMembershipRecord(row: MembershipRow): MembershipRecord {
  return {
    spaceId: row.space_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    joinedAt: row.joined_at,
    guidelinesAcceptedAt: row.guidelines_accepted_at,
  };
}

/** Memberships of spaces the caller has already found visible; access is decided before these run. */
@Injectable()
export class MembershipsRepository {
  constructor(private readonly db: Database) {}

  async find(spaceId: string, userId: string, lock = false): Promise<MembershipRecord | null> {
    const rows: MembershipRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM spaces.memberships WHERE space_id = $1 AND user_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [spaceId, userId],
    );
    return rows[0] ? toMembershipRecord(rows[0]) : null;
  }

  /** Adds the membership, or answers the one that exists (a second join is not an error). */
  async add(membership: {
    spaceId: string;
    userId: string;
    role: SpaceRole;
    status: MembershipStatus;
    guidelinesAccepted: boolean;
  }): Promise<MembershipRecord> {
    const rows: MembershipRow[] = await this.db.query(
      `INSERT INTO spaces.memberships (space_id, user_id, role, status, guidelines_accepted_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END)
       ON CONFLICT (space_id, user_id) DO UPDATE SET
         guidelines_accepted_at = coalesce(spaces.memberships.guidelines_accepted_at, EXCLUDED.guidelines_accepted_at)
       RETURNING ${COLUMNS}`,
      [membership.spaceId, membership.userId, membership.role, membership.status, membership.guidelinesAccepted],
    );
    return toMembershipRecord(rows[0]);
  }

  async update(
    spaceId: string,
    userId: string,
    changes: { role?: SpaceRole; status?: MembershipStatus },
  ): Promise<MembershipRecord | null> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [MembershipRow[], number] = await this.db.query(
      `UPDATE spaces.memberships SET role = coalesce($3, role), status = coalesce($4, status),
         joined_at = CASE WHEN status = 'PENDING' AND $4 = 'ACTIVE' THEN date_trunc('milliseconds', now()) ELSE joined_at END
       WHERE space_id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [spaceId, userId, changes.role ?? null, changes.status ?? null],
    );
    return rows[0] ? toMembershipRecord(rows[0]) : null;
  }

  async remove(spaceId: string, userId: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `DELETE FROM spaces.memberships WHERE space_id = $1 AND user_id = $2`,
      [spaceId, userId],
    );
    return count > 0;
  }

  /** Locks the space's owners, so two owners cannot both leave and orphan the space. */
  async lockOwners(spaceId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM spaces.memberships WHERE space_id = $1 AND role = 'OWNER' AND status = 'ACTIVE' ORDER BY user_id FOR UPDATE`,
      [spaceId],
    );
    return rows.map((row) => row.user_id);
  }

  async activeUserIdsOf(spaceId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM spaces.memberships WHERE space_id = $1 AND status = 'ACTIVE'`,
      [spaceId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Members and requests (every status), for checks that must see everyone, e.g. who is a customer. */
  async userIdsOf(spaceId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM spaces.memberships WHERE space_id = $1`,
      [spaceId],
    );
    return rows.map((row) => row.user_id);
  }

  async list(
    spaceId: string,
    status: MembershipStatus,
    first: number,
    after?: { joinedAt: string; userId: string },
  ): Promise<MembershipRecord[]> {
    const rows: MembershipRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM spaces.memberships
       WHERE space_id = $1 AND status = $2 AND ($3::timestamptz IS NULL OR (joined_at, user_id) > ($3::timestamptz, $4::uuid))
       ORDER BY joined_at, user_id LIMIT $5`,
      [spaceId, status, after?.joinedAt ?? null, after?.userId ?? null, first + 1],
    );
    return rows.map(toMembershipRecord);
  }

  async acceptGuidelines(spaceId: string, userId: string): Promise<void> {
    await this.db.query(
      `UPDATE spaces.memberships SET guidelines_accepted_at = coalesce(guidelines_accepted_at, now()) WHERE space_id = $1 AND user_id = $2`,
      [spaceId, userId],
    );
  }

  async ban(spaceId: string, userId: string, bannedBy: string, reason: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO spaces.bans (space_id, user_id, banned_by, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (space_id, user_id) DO NOTHING`,
      [spaceId, userId, bannedBy, reason],
    );
  }

  async unban(spaceId: string, userId: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `DELETE FROM spaces.bans WHERE space_id = $1 AND user_id = $2`,
      [spaceId, userId],
    );
    return count > 0;
  }

  async isBanned(spaceId: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM spaces.bans WHERE space_id = $1 AND user_id = $2`, [
      spaceId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Of these spaces, those not archived and not banning the user. */
  spacesOpenTo(spaceIds: string[], userId: string): Promise<Array<{ id: string; audience: Audience }>> {
    return this.db.query(
      `SELECT s.id, s.audience FROM spaces.spaces s
       WHERE s.id = ANY($1::uuid[]) AND s.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM spaces.bans b WHERE b.space_id = s.id AND b.user_id = $2)`,
      [spaceIds, userId],
    );
  }
}
