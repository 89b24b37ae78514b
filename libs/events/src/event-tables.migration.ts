import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events written with the change that caused them, until the relay has published them)
 * and the inbox (events this service's consumers applied, so a redelivery changes nothing), in the
 * service's own schema. Each service lists it among its migrations with its own timestamp.
 */
export function eventTablesMigration(schema: string, timestamp: number): new () => MigrationInterface {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  return class implements MigrationInterface {
    name = `CreateEventTables${timestamp}`;

    async up(db: QueryRunner): Promise<void> {
      await db.query(`
        CREATE TABLE ${schema}.outbox (
          seq bigserial PRIMARY KEY,
          id uuid NOT NULL UNIQUE,
          subject text NOT NULL,
          envelope jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz
        )`);
      await db.query(`CREATE INDEX outbox_unpublished_idx ON ${schema}.outbox (seq) WHERE published_at IS NULL`);
      await db.query(`
        CREATE TABLE ${schema}.inbox (
          consumer text NOT NULL,
          event_id uuid NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, event_id)
        )`);
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query(`DROP TABLE ${schema}.inbox, ${schema}.outbox`);
    }
  };
}

/**
 * Lets the relay claim outbox rows for a while instead of locking them: it publishes to JetStream
 * with no transaction open, and a claim left by a replica that died expires by itself.
 */
export function outboxClaimsMigration(schema: string, timestamp: number): new () => MigrationInterface {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  return class implements MigrationInterface {
    name = `OutboxClaims${timestamp}`;

    async up(db: QueryRunner): Promise<void> {
      await db.query(`ALTER TABLE ${schema}.outbox ADD COLUMN claimed_until timestamptz`);
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query(`ALTER TABLE ${schema}.outbox DROP COLUMN claimed_until`);
    }
  };
}
