import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Verification, suspension, token revocation, invitations, API tokens, throttling and the audit log. */
export class AccessControl1764288000000 implements MigrationInterface {
  name = 'AccessControl1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE identity.users
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN suspended_reason text,
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN token_version_changed_at timestamptz`);
    await db.query(
      `CREATE INDEX users_token_version_changed_idx ON identity.users (token_version_changed_at) WHERE token_version_changed_at IS NOT NULL`,
    );

    await db.query(`
      ALTER TABLE identity.refresh_tokens
        ADD COLUMN rotated_at timestamptz,
        ADD COLUMN replaced_by uuid`);

    await db.query(`
      CREATE TABLE identity.invitations (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('EMPLOYEE', 'CUSTOMER')),
        space_ids uuid[] NOT NULL DEFAULT '{}',
        token_hash text NOT NULL UNIQUE,
        invited_by uuid NOT NULL REFERENCES identity.users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES identity.users (id)
      )`);

    await db.query(`
      CREATE TABLE identity.email_verifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        email text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);

    await db.query(`
      CREATE TABLE identity.api_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        name text NOT NULL,
        scopes text[] NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_tokens_user_idx ON identity.api_tokens (user_id)`);

    await db.query(`
      CREATE TABLE identity.auth_attempts (
        id bigserial PRIMARY KEY,
        action text NOT NULL CHECK (action IN ('LOGIN', 'REGISTER')),
        account text,
        client_address text,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX auth_attempts_account_idx ON identity.auth_attempts (action, account, at)`);
    await db.query(`CREATE INDEX auth_attempts_address_idx ON identity.auth_attempts (action, client_address, at)`);

    await db.query(`
      CREATE TABLE identity.audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        actor_id uuid,
        subject_user_id uuid,
        client_address text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE identity.audit_events`);
    await db.query(`DROP TABLE identity.auth_attempts`);
    await db.query(`DROP TABLE identity.api_tokens`);
    await db.query(`DROP TABLE identity.email_verifications`);
    await db.query(`DROP TABLE identity.invitations`);
    await db.query(`ALTER TABLE identity.refresh_tokens DROP COLUMN rotated_at, DROP COLUMN replaced_by`);
    await db.query(`
      ALTER TABLE identity.users
        DROP COLUMN email_verified_at, DROP COLUMN suspended_at, DROP COLUMN suspended_reason,
        DROP COLUMN token_version, DROP COLUMN token_version_changed_at`);
  }
}
