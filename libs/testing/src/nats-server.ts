import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownChild } from './children';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

export interface TestNats {
  url: string;
  stop(): Promise<void>;
}

function natsBinary(): string {
  const candidates = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];
  return candidates.find((path) => existsSync(path)) ?? 'nats-server';
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * A nats-server of the test's own, with JetStream, on a free port: requests must never reach the
 * developer's running services, which share the machine's NATS in the same queue groups.
 */
export async function startNats(): Promise<TestNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'kern-test-nats-'));
  const child: ChildProcess = ownChild(
    spawn(natsBinary(), ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' }),
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new Error('nats-server exited; is it installed (apt-get install nats-server)?');
      return answers(port);
    },
    { what: `nats-server on port ${port}` },
  );
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await waitFor(() => exited, { what: 'nats-server to exit' });
      }
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
