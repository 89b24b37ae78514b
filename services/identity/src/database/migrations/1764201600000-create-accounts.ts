import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764201600000 implements MigrationInterface {
  name = 'CreateAccounts1764201600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        handle text NOT NULL,
        display_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('EMPLOYEE', 'CUSTOMER')),
        roles text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Case-insensitive uniqueness: "Ann@x.com" and "ann@x.com" are one person, "Ann" and "ann" one handle.
    await db.query(`CREATE UNIQUE INDEX users_email_key ON identity.users (lower(email))`);
    await db.query(`CREATE UNIQUE INDEX users_handle_key ON identity.users (lower(handle))`);

    await db.query(`
      CREATE TABLE identity.refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON identity.refresh_tokens (family_id)`);

    await db.query(`
      CREATE TABLE identity.signing_keys (
        kid text PRIMARY KEY,
        private_key_pem text NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE identity.signing_keys`);
    await db.query(`DROP TABLE identity.refresh_tokens`);
    await db.query(`DROP TABLE identity.users`);
  }
}
