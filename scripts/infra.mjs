// Local infrastructure helpers for `npm start`: make sure PostgreSQL and NATS
// answer before the services boot, starting the machine's own servers if needed.
// node: builtins only, so this works straight after `npm ci`.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Resolves true once the port answers; `gaveUp()` lets a caller stop early
// (e.g. the server process already died, so waiting longer is pointless).
async function waitForPort(host, port, timeoutMs, gaveUp = () => false) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    if (await isPortOpen(host, port, 500)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return isPortOpen(host, port, 500);
}

// Accepts "nats://h:p", "postgres://u@h:p/db" and bare "h:p" (nats.js allows it).
// For a comma-separated NATS server list only the first entry is considered.
function hostPort(url, defaultPort) {
  const first = String(url).split(',')[0].trim();
  const u = new URL(first.includes('://') ? first : `tcp://${first}`);
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  return { host, port: Number(u.port) || defaultPort };
}

// Debian keeps admin tools in /usr/sbin, which is not on every user's PATH.
function findExecutable(name) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not here (or not executable): try the next directory.
    }
  }
  return null;
}

function latestPostgresVersion() {
  try {
    const versions = fs.readdirSync('/etc/postgresql').filter((v) => /^\d/.test(v));
    return versions.sort((a, b) => Number(b) - Number(a))[0] ?? null;
  } catch {
    return null;
  }
}

export async function ensurePostgres(databaseUrl, { log = console.log } = {}) {
  const { host, port } = hostPort(databaseUrl, 5432);
  const where = `${host}:${port}`;
  if (await isPortOpen(host, port)) {
    log(`PostgreSQL: answering at ${where}`);
    return { started: false };
  }
  const advice =
    'Install and start it with:\n' +
    '  apt-get update && apt-get install -y postgresql\n' +
    '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
    'or point DATABASE_URL at a running PostgreSQL server.';
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `PostgreSQL is not answering at ${where} (from DATABASE_URL). Start it, or point DATABASE_URL at a running server.`,
    );
  }
  const ctl = findExecutable('pg_ctlcluster');
  const version = latestPostgresVersion();
  if (!ctl || !version) {
    throw new Error(`PostgreSQL is not answering at ${where} and no local cluster was found.\n${advice}`);
  }

  log(`PostgreSQL: not answering at ${where}; starting cluster ${version}/main`);
  try {
    const out = execFileSync(ctl, ['--skip-systemctl-redirect', version, 'main', 'start'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    if (out.trim()) log(`pg_ctlcluster: ${out.trim()}`);
  } catch (err) {
    const output = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    // Exit 2 is "already running": the cluster listens elsewhere, waiting cannot help.
    if (err.status === 2) {
      throw new Error(
        `PostgreSQL ${version}/main is running but not answering at ${where}; check the port in DATABASE_URL ` +
          `against /etc/postgresql/${version}/main/postgresql.conf (pg_ctlcluster: ${output}).`,
        { cause: err },
      );
    }
    log(`pg_ctlcluster failed: ${output || err.message}`);
  }
  if (!(await waitForPort(host, port, 30_000))) {
    throw new Error(
      `Started PostgreSQL ${version}/main but ${where} still does not answer after 30 s.\n` +
        `Check /var/log/postgresql/ and the port in /etc/postgresql/${version}/main/postgresql.conf.\n${advice}`,
    );
  }
  log(`PostgreSQL: cluster ${version}/main started, answering at ${where}`);
  return { started: true };
}

// Two nats-servers must never share a JetStream store, so only the standard
// port reuses the machine's store; any other port gets its own directory.
function natsStoreDir(port) {
  if (port === 4222) {
    try {
      fs.accessSync('/var/lib/nats-server', fs.constants.W_OK);
      return '/var/lib/nats-server';
    } catch {
      // Not ours to write (nats-server not installed as a service): fall back to a temporary store.
    }
    return path.join(os.tmpdir(), 'kern-nats');
  }
  return path.join(os.tmpdir(), `kern-nats-${port}`);
}

export async function ensureNats(natsUrl, { log = console.log } = {}) {
  const { host, port } = hostPort(natsUrl, 4222);
  const where = `${host}:${port}`;
  if (await isPortOpen(host, port)) {
    log(`NATS: answering at ${where}`);
    return { started: false };
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `NATS is not answering at ${where} (from NATS_URL). Start it, or point NATS_URL at a running server.`,
    );
  }
  const bin = findExecutable('nats-server');
  if (!bin) {
    throw new Error(
      `NATS is not answering at ${where} and nats-server is not installed.\n` +
        'Install it with:\n  apt-get update && apt-get install -y nats-server\n' +
        `or point NATS_URL at a running NATS server (JetStream enabled).`,
    );
  }

  const storeDir = natsStoreDir(port);
  const logFile = path.join(os.tmpdir(), port === 4222 ? 'kern-nats.log' : `kern-nats-${port}.log`);
  fs.mkdirSync(storeDir, { recursive: true });
  const bind = host === 'localhost' ? '127.0.0.1' : host;
  const args = ['-a', bind, '-p', String(port), '-js', '-sd', storeDir];
  log(`NATS: not answering at ${where}; starting ${bin} ${args.join(' ')} (log: ${logFile})`);

  // Detached, own session, output to a file and unref'd: this server outlives
  // `npm start` and is the machine's NATS from now on. Holding none of our pipes
  // also means CI runners waiting for EOF on stdout are not kept hanging.
  const out = fs.openSync(logFile, 'a');
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  child.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  child.once('error', (err) => (exited = err.message));
  child.unref();

  if (!(await waitForPort(host, port, 30_000, () => exited !== null))) {
    let tail = '';
    try {
      tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      // No log written: the error below says what is known without it.
    }
    throw new Error(
      `Started nats-server but ${where} does not answer` +
        (exited ? ` (nats-server exited: ${exited})` : ' after 30 s') +
        `. Last lines of ${logFile}:\n${tail}`,
    );
  }
  log(`NATS: nats-server started (pid ${child.pid}), answering at ${where}`);
  return { started: true, pid: child.pid };
}
