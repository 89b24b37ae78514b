import { DomainError, HeldResourceError, serviceUnavailable, whileHolding } from '@kern/messaging';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool } from 'pg';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

interface Transaction {
  manager: EntityManager;
  open: boolean;
}

/** pg-pool's message when no connection became free within `connectionTimeoutMillis`. */
const ACQUIRE_TIMEOUT = /timeout exceeded when trying to connect/i;
/** statement_timeout, and idle_in_transaction_session_timeout ending the session. */
const TIMED_OUT_CODES = new Set(['57014', '25P03']);

/**
 * A service's one way to PostgreSQL. A query runs on the connection of the transaction its caller
 * is in, or on the pool when there is none: a repository never chooses, so code inside a
 * transaction cannot take a second pooled connection and wait for it while holding the first (the
 * way a dozen concurrent writes once locked the threads service up for good).
 */
export class Database {
  private readonly current = new AsyncLocalStorage<Transaction>();

  constructor(
    private readonly dataSource: DataSource,
    options: { guardNestedAcquire: boolean } = { guardNestedAcquire: process.env.NODE_ENV !== 'production' },
  ) {
    if (options.guardNestedAcquire) this.guardPool();
  }

  get inTransaction(): boolean {
    return this.transaction$() !== undefined;
  }

  /** For UPDATE and DELETE, TypeORM answers `[rows, rowCount]`; for everything else the rows. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the repository that asks
  async query<T = any>(sql: string, parameters?: unknown[]): Promise<T> {
    try {
      return await this.manager.query(sql, parameters);
    } catch (error) {
      throw busyOr(error);
    }
  }

  /** TypeORM's entity manager on the current connection, for repositories built on entities. */
  get manager(): EntityManager {
    return this.transaction$()?.manager ?? this.dataSource.manager;
  }

  repository<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }

  /**
   * Runs `work` in one transaction; everything it queries through this Database uses that
   * transaction's connection. Called inside another transaction it joins it. Calls to other services
   * are refused inside (see `whileHolding`): ask them before, or after the commit.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    try {
      return await this.dataSource.transaction((manager) => {
        const transaction: Transaction = { manager, open: true };
        return this.current
          .run(transaction, () => whileHolding('a database transaction', work))
          .finally(() => (transaction.open = false));
      });
    } catch (error) {
      throw busyOr(error);
    }
  }

  private transaction$(): Transaction | undefined {
    const transaction = this.current.getStore();
    return transaction?.open ? transaction : undefined;
  }

  /**
   * Outside production, taking a pooled connection from inside a transaction fails at once with a
   * stack that names the culprit, instead of deadlocking when the pool runs dry under load.
   */
  private guardPool() {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return;
    const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
    (
      pool as unknown as { connect: (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => unknown }
    ).connect = (callback) => {
      if (this.inTransaction) {
        const error = new HeldResourceError(
          'A second pooled connection was taken inside a transaction: query through Database, not the DataSource',
        );
        if (callback) return callback(error);
        return Promise.reject(error);
      }
      return connect(callback);
    };
  }
}

/** A full pool or a timed-out statement is a busy service, not a bug: the caller may try again. */
function busyOr(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const { message, code, driverError } = error as { message?: string; code?: string; driverError?: { code?: string } };
  if (ACQUIRE_TIMEOUT.test(message ?? '') || TIMED_OUT_CODES.has(code ?? driverError?.code ?? '')) {
    return serviceUnavailable('The service is busy; try again shortly', 'DATABASE_BUSY');
  }
  return error;
}
