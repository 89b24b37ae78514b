import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members are paged by (joined_at, user_id) and the cursor carries joined_at in milliseconds, as
 * JavaScript dates do: a stored microsecond value would make the cursor miss its own row.
 */
export class MembershipTimePrecision1764460800002 implements MigrationInterface {
  name = 'MembershipTimePrecision1764460800002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE spaces.memberships ALTER COLUMN joined_at SET DEFAULT date_trunc('milliseconds', now())`,
    );
    await db.query(`UPDATE spaces.memberships SET joined_at = date_trunc('milliseconds', joined_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE spaces.memberships ALTER COLUMN joined_at SET DEFAULT now()`);
  }
}
