// `npm start`: make sure PostgreSQL and NATS are up, run the four services and
// the gateway as child processes with prefixed output, and report when Kern is
// healthy. node: builtins only, so it runs straight after `npm ci`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureNats, ensurePostgres, isPortOpen } from './infra.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Children inherit these, so every process agrees on the defaults.
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/kern',
  NATS_URL: process.env.NATS_URL || 'nats://127.0.0.1:4222',
  GATEWAY_PORT: process.env.GATEWAY_PORT || '4000',
};
const port = env.GATEWAY_PORT;
const healthUrl = `http://127.0.0.1:${port}/health`;
const graphqlUrl = `http://127.0.0.1:${port}/graphql`;

const apps = [
  { name: 'identity', entry: 'services/identity/dist/main.js', color: 36 },
  { name: 'spaces', entry: 'services/spaces/dist/main.js', color: 35 },
  { name: 'threads', entry: 'services/threads/dist/main.js', color: 33 },
  { name: 'expertise', entry: 'services/expertise/dist/main.js', color: 32 },
  { name: 'gateway', entry: 'gateway/dist/main.js', color: 34 },
];

const width = Math.max(...apps.map((a) => a.name.length), 'kern'.length) + 1;
const useColor = (stream) => stream.isTTY && !process.env.NO_COLOR;
const prefix = (name, color, stream) => {
  const label = `${name.padEnd(width)}| `;
  return useColor(stream) ? `\x1b[${color}m${label}\x1b[0m` : label;
};
const log = (msg) => {
  for (const line of String(msg).split('\n')) process.stdout.write(`${prefix('kern', 1, process.stdout)}${line}\n`);
};
const logErr = (msg) => {
  for (const line of String(msg).split('\n')) process.stderr.write(`${prefix('kern', 31, process.stderr)}${line}\n`);
};

const missing = apps.filter((a) => !fs.existsSync(path.join(root, a.entry)));
if (missing.length) {
  logErr(`Build output missing: ${missing.map((a) => a.entry).join(', ')}`);
  logErr('Run `npm run build` first (`npm start` does that for you).');
  process.exit(1);
}

try {
  await ensurePostgres(env.DATABASE_URL, { log });
  await ensureNats(env.NATS_URL, { log });
} catch (err) {
  logErr(err.message);
  process.exit(1);
}

// Otherwise /health would be answered by whatever already holds the port.
if (await isPortOpen('127.0.0.1', Number(port))) {
  logErr(`Port ${port} is already in use (another Kern still running?). Stop it or set GATEWAY_PORT.`);
  process.exit(1);
}

let shuttingDown = false;
let exitCode = 0;
const running = new Set();
// Identity prints a one-time admin password at first boot; repeat it under the
// banner so it is not lost in the startup noise.
const remembered = [];

function pipeLines(stream, out, app) {
  const pre = prefix(app.name, app.color, out);
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    out.write(`${pre}${line}\n`);
    if (app.name === 'identity' && /password/i.test(line) && /admin|bootstrap/i.test(line)) remembered.push(line);
  });
}

for (const app of apps) {
  // Own process group: a terminal Ctrl-C reaches only this script, which then
  // stops the children exactly once, in order, with SIGTERM.
  const child = spawn(process.execPath, [path.join(root, app.entry)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  app.child = child;
  running.add(child);
  pipeLines(child.stdout, process.stdout, app);
  pipeLines(child.stderr, process.stderr, app);
  child.once('error', (err) => logErr(`${app.name}: failed to start: ${err.message}`));
  // 'close' rather than 'exit': it fires after the child's last output is read.
  child.once('close', (code, signal) => {
    running.delete(child);
    if (!shuttingDown) {
      logErr(
        `${app.name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping the others.`,
      );
      shutdown(1);
    } else if (running.size === 0) {
      process.exit(exitCode);
    }
  });
}

let killTimer;
function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  exitCode = code;
  if (running.size === 0) process.exit(exitCode);
  log(`Stopping ${running.size} process(es)...`);
  for (const child of running) child.kill('SIGTERM');
  killTimer = setTimeout(() => {
    logErr('Some processes did not stop within 10 s; killing them.');
    killAll();
  }, 10_000);
  killTimer.unref();
}

function killAll() {
  for (const child of running) child.kill('SIGKILL');
}

// npm forwards the terminal's SIGINT to us as well, so a signal arriving right
// after the first one is the same Ctrl-C, not a second one.
let firstSignalAt = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (!shuttingDown) {
      firstSignalAt = Date.now();
      log(`${sig} received.`);
      shutdown(0);
    } else if (Date.now() - firstSignalAt > 1000) {
      logErr('Second interrupt: killing all processes now.');
      killAll();
      process.exit(1);
    }
  });
}
// Children live in their own process groups, so nothing else would stop them
// if this script dies from an unexpected error.
process.on('exit', killAll);

async function checkHealth() {
  try {
    const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
    const body = await res.text();
    let json = null;
    try {
      json = JSON.parse(body);
    } catch {
      // Not JSON (a proxy's error page): not healthy, and the body is shown as it came.
    }
    return { ok: res.status === 200 && json?.status === 'ok', detail: `HTTP ${res.status} ${body}` };
  } catch (err) {
    return { ok: false, detail: `gateway not answering at ${healthUrl} (${err.cause?.code ?? err.message})` };
  }
}

function banner() {
  const line = '='.repeat(64);
  const lines = [line, `Kern is up: GraphQL endpoint ${graphqlUrl}`, ...remembered, line];
  process.stdout.write(
    `\n${lines.map((l) => (useColor(process.stdout) ? `\x1b[1;32m${l}\x1b[0m` : l)).join('\n')}\n\n`,
  );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = Date.now() + 60_000;
let last;
while (!shuttingDown) {
  last = await checkHealth();
  if (last.ok) {
    banner();
    break;
  }
  if (Date.now() > deadline) {
    logErr(`Kern is not healthy after 60 s; still running, will keep checking. Last /health: ${last.detail}`);
    // Keep watching quietly so a slow part coming up late still gets the banner.
    while (!shuttingDown && !(last = await checkHealth()).ok) await sleep(5000);
    if (last.ok && !shuttingDown) banner();
    break;
  }
  await sleep(500);
}
