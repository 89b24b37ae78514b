import { Client } from 'pg';

const INVALID_CATALOG_NAME = '3D000'; // the database does not exist
const ALREADY_EXISTS = new Set(['42P04', '23505']); // duplicate_database; unique_violation when two create at once

/**
 * Creates the database named in `url` if it does not exist, so a fresh machine needs no manual step.
 * It connects to the database itself first: on managed PostgreSQL the app's user often may not
 * connect to the `postgres` maintenance database at all, and there the database already exists.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    // Identifiers cannot be bound as parameters; quote it the way PostgreSQL's quote_ident does.
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
      if (!ALREADY_EXISTS.has(error.code ?? '')) throw error;
    });
  } finally {
    await client.end();
  }
}
