import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceClient, type ServiceClient } from '@kern/messaging';
import { GraphQLClient } from './graphql-client';
import { KernProcess, type ProcessName } from './kern-process';
import { startNats, type TestNats } from './nats-server';
import { throwawayDatabase, type ThrowawayDatabase } from './throwaway-database';

export const SERVICES = ['identity', 'spaces', 'threads', 'expertise'] as const;

export interface StackOptions {
  /** Extra environment for every process (e.g. SERVICE_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Services not to start (the gateway always starts). */
  without?: Array<(typeof SERVICES)[number]>;
}

/**
 * The whole platform for one test file: its own nats-server and database, the four services and the
 * gateway as real processes from the build. `stop()` removes all of it.
 */
export class KernStack {
  readonly processes: KernProcess[] = [];
  graphql!: GraphQLClient;
  gatewayUrl!: string;
  private client?: ServiceClient;

  private constructor(
    readonly nats: TestNats,
    readonly database: ThrowawayDatabase,
    /** Where identity's development mailer writes; read it with `waitForMail`. */
    readonly outboxDir: string,
    readonly env: Record<string, string>,
  ) {}

  static async start(options: StackOptions = {}): Promise<KernStack> {
    const nats = await startNats();
    const database = throwawayDatabase();
    const outboxDir = mkdtempSync(join(tmpdir(), 'kern-test-outbox-'));
    const stack = new KernStack(nats, database, outboxDir, {
      NATS_URL: nats.url,
      DATABASE_URL: database.url,
      MAIL_OUTBOX_DIR: outboxDir,
      // Every test registers from 127.0.0.1, and its customers are new accounts posting fast: the
      // limits' own tests set the real values.
      REGISTRATIONS_PER_ADDRESS_PER_HOUR: '10000',
      WRITES_PER_MINUTE: '10000',
      NEW_ACCOUNT_THREADS_FIRST_DAY: '10000',
      NEW_ACCOUNT_REPLIES_FIRST_DAY: '10000',
      NEW_ACCOUNT_SECONDS_BETWEEN_POSTS: '0',
      ...options.env,
    });
    try {
      // One at a time: on two cores, five processes booting at once take longer than in a row.
      for (const service of SERVICES.filter((name) => !options.without?.includes(name)))
        await stack.startProcess(service);
      const gateway = await stack.startProcess('gateway', { GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1' });
      const ready = await gateway.waitForLog((line) => typeof line.port === 'number', 'gateway port');
      stack.gatewayUrl = `http://127.0.0.1:${ready.port as number}`;
      stack.graphql = new GraphQLClient(stack.gatewayUrl);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** Starts one more process (a replica, or one stopped earlier) with the stack's environment. */
  async startProcess(name: ProcessName, env: Record<string, string> = {}): Promise<KernProcess> {
    const process = new KernProcess(name, { ...this.env, ...env });
    this.processes.push(process);
    return process.start();
  }

  find(name: ProcessName): KernProcess[] {
    return this.processes.filter((process) => process.name === name && !process.exitStatus);
  }

  /** Calls services directly over NATS, past the gateway: to prove a service enforces a rule itself. */
  services(): ServiceClient {
    this.client ??= createServiceClient({ servers: [this.nats.url], timeoutMs: 5000, name: 'test' });
    return this.client;
  }

  async stop(): Promise<void> {
    await this.client?.close();
    await Promise.all(this.processes.map((process) => process.stop()));
    await this.nats.stop();
    await this.database.drop();
    rmSync(this.outboxDir, { recursive: true, force: true });
  }
}
