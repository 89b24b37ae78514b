import type { MemberKind } from '@kern/contracts';
import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

export interface InvitationRecord {
  id: string;
  email: string;
  kind: MemberKind;
  spaceIds: string[];
  expiresAt: Date;
  invitedBy: string;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly database: Database) {}

  async insert(invitation: InvitationRecord & { tokenHash: string }): Promise<void> {
    await this.database.query(
      `INSERT INTO identity.invitations (id, email, kind, space_ids, token_hash, invited_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        invitation.id,
        invitation.email,
        invitation.kind,
        invitation.spaceIds,
        invitation.tokenHash,
        invitation.invitedBy,
        invitation.expiresAt,
      ],
    );
  }

  /** The invitation, if it is unused, unexpired and for `email`: a cheap look before any slow work. */
  async findUsable(tokenHash: string, email: string): Promise<InvitationRecord | null> {
    const rows: InvitationRecord[] = await this.database.query(
      `SELECT id, email, kind, space_ids AS "spaceIds", expires_at AS "expiresAt", invited_by AS "invitedBy" FROM identity.invitations
        WHERE token_hash = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND expires_at > now()`,
      [tokenHash, email],
    );
    return rows[0] ?? null;
  }

  async delete(id: string): Promise<void> {
    await this.database.query(`DELETE FROM identity.invitations WHERE id = $1 AND accepted_at IS NULL`, [id]);
  }

  /**
   * Uses the invitation up for `email`, if it is unused and unexpired: one UPDATE, so two
   * registrations racing with the same token cannot both succeed.
   */
  async accept(tokenHash: string, email: string, acceptedBy: string): Promise<InvitationRecord | null> {
    const [rows]: [InvitationRecord[], number] = await this.database.query(
      `UPDATE identity.invitations SET accepted_at = now(), accepted_by = $3
        WHERE token_hash = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND expires_at > now()
        RETURNING id, email, kind, space_ids AS "spaceIds", expires_at AS "expiresAt", invited_by AS "invitedBy"`,
      [tokenHash, email, acceptedBy],
    );
    return rows[0] ?? null;
  }
}
