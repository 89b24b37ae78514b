import type { LoggerService } from '@nestjs/common';
import { currentTrace } from './trace-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/** Nest's start-up chatter: one line per module and route, useful only when debugging start-up. */
const NEST_BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'GraphQLModule',
]);

export interface LoggerOptions {
  service: string;
  format: 'json' | 'pretty';
  level: Level;
}

/**
 * One line per event, with the service and the trace id. Callers pass identifiers and counts, never
 * passwords, tokens or message bodies: nothing here can tell those apart.
 */
export class Logger implements LoggerService {
  constructor(private readonly options: LoggerOptions) {}

  log(message: unknown, ...rest: unknown[]) {
    const context = rest[rest.length - 1];
    this.write(typeof context === 'string' && NEST_BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]) {
    if (rank[level] < rank[this.options.level]) return;
    // Nest passes the context (a class name) as the last string argument; an Error may come first.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    let text: string;
    if (message instanceof Error) {
      text = message.message;
      fields.err = { name: message.name, stack: message.stack };
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...others } = message as Record<string, unknown>;
      text = typeof msg === 'string' ? msg : '';
      Object.assign(fields, others);
    } else {
      text = String(message);
    }
    for (const extra of rest) {
      if (typeof extra === 'string' && extra.includes('\n')) fields.stack = extra;
      else if (extra instanceof Error) fields.err = { name: extra.name, message: extra.message, stack: extra.stack };
    }
    const traceId = currentTrace()?.traceId;
    const line =
      this.options.format === 'json'
        ? JSON.stringify({
            time: new Date().toISOString(),
            level,
            service: this.options.service,
            context,
            traceId,
            msg: text,
            ...fields,
          })
        : pretty(level, context, text, fields, traceId);
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  }
}

function pretty(
  level: Level,
  context: string | undefined,
  text: string,
  fields: Record<string, unknown>,
  traceId?: string,
) {
  const { err, stack, ...rest } = fields as { err?: { stack?: string }; stack?: string };
  const extras = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
  const trace = traceId ? ` trace=${traceId.slice(0, 8)}` : '';
  const where = context ? `[${context}] ` : '';
  const tail = err?.stack ?? stack;
  return `${level.toUpperCase().padEnd(5)} ${where}${text}${extras}${trace}${tail ? '\n' + tail : ''}`;
}

/** The logger a process uses: JSON in production unless LOG_FORMAT says otherwise. */
export function createLogger(
  service: string,
  env: { NODE_ENV?: string; LOG_FORMAT?: 'json' | 'pretty'; LOG_LEVEL?: Level } = process.env,
): Logger {
  const format = env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  const level = env.LOG_LEVEL && env.LOG_LEVEL in rank ? env.LOG_LEVEL : 'info';
  return new Logger({ service, format, level });
}
