import { assertNotHolding, DomainError, HeldResourceError } from '@kern/messaging';
import { queryDatabase, throwawayDatabase, waitFor } from '@kern/testing';
import { DataSource } from 'typeorm';
import { Database } from './database';
import { ensureDatabase } from './ensure-database';

/** A real pool of `max` connections with the timeouts a service configures. */
async function open(url: string, extra: Record<string, unknown>) {
  await ensureDatabase(url);
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    extra: { application_name: 'kern-database-spec', ...extra },
  }).initialize();
  return { dataSource, database: new Database(dataSource, { guardNestedAcquire: true }) };
}

describe('Database against real PostgreSQL', () => {
  const throwaway = throwawayDatabase();
  let dataSource: DataSource;
  let database: Database;

  beforeAll(async () => {
    ({ dataSource, database } = await open(throwaway.url, {
      max: 2,
      connectionTimeoutMillis: 300,
      statement_timeout: 300,
      idle_in_transaction_session_timeout: 1500,
    }));
    await database.query(`CREATE TABLE notes (body text NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await throwaway.drop();
  });

  it('runs every query inside a transaction on its connection, so a rollback takes back all of it', async () => {
    const seen = await database
      .transaction(async () => {
        await database.query(`INSERT INTO notes VALUES ('rolled back')`);
        const [{ pid }] = await database.query(`SELECT pg_backend_pid() AS pid`);
        const [{ pid: again }] = await database.query(`SELECT pg_backend_pid() AS pid`);
        const rows = await database.query(`SELECT body FROM notes`);
        throw Object.assign(new Error('undo'), { seen: { same: pid === again, rows } });
      })
      .catch((error: { seen: unknown }) => error.seen);
    expect(seen).toEqual({ same: true, rows: [{ body: 'rolled back' }] });
    expect(await database.query(`SELECT body FROM notes`)).toEqual([]);
  });

  it('when code inside a transaction takes a second pooled connection, then it fails at once instead of waiting for one', async () => {
    const failure = await database.transaction(() => dataSource.query(`SELECT 1`)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HeldResourceError);
  });

  it('when code inside a transaction calls another service, then it fails before sending anything', async () => {
    const failure = await database
      .transaction(() => Promise.resolve(assertNotHolding('calling identity.user.get')))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HeldResourceError);
    expect(() => assertNotHolding('calling identity.user.get')).not.toThrow();
  });

  it('joins the transaction it is called in', async () => {
    await database.transaction(async () => {
      await database.transaction(() => database.query(`INSERT INTO notes VALUES ('nested')`));
      expect(await database.query(`SELECT count(*)::int AS count FROM notes`)).toEqual([{ count: 1 }]);
    });
    expect(await database.query(`DELETE FROM notes`)).toEqual([[], 1]);
  });

  it('when every connection is taken, then a request fails with SERVICE_UNAVAILABLE after the acquire timeout', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside = 0;
    const hold = () =>
      database.transaction(async () => {
        inside += 1;
        await held;
      });
    const holders = [hold(), hold()];
    await waitFor(() => inside === 2, { what: 'both transactions to hold a connection' });
    const failure = await database.query(`SELECT 1`).catch((error: unknown) => error);
    release();
    await Promise.all(holders);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'DATABASE_BUSY' } });
  });

  it('when a statement runs past statement_timeout, then it fails with SERVICE_UNAVAILABLE', async () => {
    await expect(database.query(`SELECT pg_sleep(5)`)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('when a transaction is left waiting, then PostgreSQL ends it and its connection serves others again', async () => {
    const outcome = database
      .transaction(async () => {
        const [{ pid }] = await database.query(`SELECT pg_backend_pid() AS pid`);
        // Idle in the transaction until the server has ended the session.
        await waitFor(
          async () =>
            (await queryDatabase(throwaway.url, `SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).length === 0,
          {
            what: 'the idle transaction to be ended',
          },
        );
        await database.query(`SELECT 1`);
      })
      .then(
        () => 'committed',
        () => 'failed',
      );
    expect(await outcome).toBe('failed');
    expect(await database.query(`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
  });
});
