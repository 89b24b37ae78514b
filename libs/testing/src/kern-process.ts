import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ownChild } from './children';
import { waitFor } from './wait-for';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export type ProcessName = 'identity' | 'spaces' | 'threads' | 'expertise' | 'gateway';

export interface LogLine {
  level?: string;
  msg?: string;
  [field: string]: unknown;
}

function entryPoint(name: ProcessName): string {
  const file =
    name === 'gateway'
      ? join(REPO_ROOT, 'gateway', 'dist', 'main.js')
      : join(REPO_ROOT, 'services', name, 'dist', 'main.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return file;
}

/**
 * One real Kern process started from the build, logging JSON so tests can wait for what it says.
 * Its output is kept for the failure message instead of cluttering the test run.
 */
export class KernProcess {
  readonly lines: LogLine[] = [];
  readonly rawOutput: string[] = [];
  private child: ChildProcess | null = null;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  constructor(
    readonly name: ProcessName,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }
  get exitStatus() {
    return this.exit;
  }

  /** Starts the process and resolves once it logged that it is ready. */
  async start(): Promise<this> {
    this.exit = null;
    const child = spawn(process.execPath, [entryPoint(this.name)], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_FORMAT: 'json', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = ownChild(child);
    child.once('exit', (code, signal) => (this.exit = { code, signal }));
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        for (const line of parts) this.record(line);
      });
    }
    await this.waitForLog((line) => /\bready\b/.test(line.msg ?? ''), `${this.name} to be ready`);
    return this;
  }

  private record(line: string) {
    // KERN_TEST_LOGS=1 shows every process's log while a test runs, to debug a failure.
    if (process.env.KERN_TEST_LOGS) process.stderr.write(`[${this.name}] ${line}\n`);
    this.rawOutput.push(line);
    try {
      this.lines.push(JSON.parse(line) as LogLine);
    } catch {
      this.lines.push({ msg: line });
    }
  }

  waitForLog(match: (line: LogLine) => boolean, what: string, timeoutMs = 30_000): Promise<LogLine> {
    return waitFor(
      () => {
        const found = this.lines.find(match);
        if (found) return found;
        if (this.exit)
          throw new Error(
            `${this.name} exited (${JSON.stringify(this.exit)}):\n${this.rawOutput.slice(-30).join('\n')}`,
          );
        return undefined;
      },
      { timeoutMs, what },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.name} output ---\n${this.rawOutput.slice(-30).join('\n')}`);
    });
  }

  signal(signal: NodeJS.Signals) {
    this.child?.kill(signal);
  }

  /** Sends SIGTERM (or `signal`) and resolves with how it exited; SIGKILL if it takes over 15 s. */
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (!this.child || this.exit) return this.exit;
    this.child.kill(signal);
    // A process a test froze with SIGSTOP only acts on the signal once it runs again.
    this.child.kill('SIGCONT');
    try {
      await waitFor(() => this.exit !== null, { timeoutMs: 15_000, what: `${this.name} to exit` });
    } catch {
      this.child.kill('SIGKILL');
      await waitFor(() => this.exit !== null, { what: `${this.name} to die` });
    }
    return this.exit;
  }
}
