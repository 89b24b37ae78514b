import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSpaces1764374400000 implements MigrationInterface {
  name = 'CreateSpaces1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE spaces.spaces (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        audience text NOT NULL CHECK (audience IN ('INTERNAL', 'EXTERNAL')),
        join_policy text NOT NULL CHECK (join_policy IN ('OPEN', 'APPROVAL', 'INVITE')),
        purpose text NOT NULL CHECK (purpose IN ('SERVICE', 'PRACTICE', 'ANNOUNCEMENTS')),
        guidelines text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    // Topic ids belong to the expertise service: no foreign key across schemas, checked on write instead.
    await db.query(`
      CREATE TABLE spaces.space_topics (
        space_id uuid NOT NULL REFERENCES spaces.spaces (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL,
        position int NOT NULL,
        PRIMARY KEY (space_id, topic_id)
      )`);
    await db.query(`CREATE INDEX space_topics_topic_idx ON spaces.space_topics (topic_id)`);
    await db.query(`
      CREATE TABLE spaces.memberships (
        space_id uuid NOT NULL REFERENCES spaces.spaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'MODERATOR', 'MEMBER')),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'PENDING')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        guidelines_accepted_at timestamptz,
        PRIMARY KEY (space_id, user_id)
      )`);
    await db.query(`CREATE INDEX memberships_user_idx ON spaces.memberships (user_id)`);
    await db.query(
      `CREATE INDEX memberships_space_status_idx ON spaces.memberships (space_id, status, joined_at, user_id)`,
    );
    await db.query(`
      CREATE TABLE spaces.bans (
        space_id uuid NOT NULL REFERENCES spaces.spaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        banned_by uuid NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE spaces.bans, spaces.memberships, spaces.space_topics, spaces.spaces`);
  }
}
