import { natsServers, type CommonEnv } from '@kern/config';
import type { ServiceName } from '@kern/contracts';
import { createLogger, type Logger } from '@kern/logging';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GracefulNatsServer } from './graceful-nats.server';
import { InFlightInterceptor, InFlightTracker } from './in-flight';
import { RpcErrorFilter } from './rpc-error.filter';
import { TraceInterceptor } from './trace.interceptor';

export interface ServiceDefinition<Config extends CommonEnv> {
  name: ServiceName;
  /** Parses and validates the environment; throws a ConfigError naming the bad variables. */
  loadConfig: () => Config;
  module: (config: Config) => DynamicModule;
  /** How long SIGTERM waits for requests in flight before closing anyway (at most half the shutdown timeout). */
  drainTimeoutMs?: number;
}

/** A service's `main.ts`: start it, or log why it cannot start and exit non-zero. */
export function startService<Config extends CommonEnv>(definition: ServiceDefinition<Config>): void {
  let logger = createLogger(definition.name);
  const start = async () => {
    const config = definition.loadConfig();
    logger = createLogger(definition.name, config);
    await runService(definition, config, logger);
  };
  start().catch((error) => exitOnStartupFailure(logger)(error));
}

/**
 * Starts one service replica: a Nest microservice on NATS in the queue group named after the service
 * (so replicas share the load and each request is handled once), with Kern's error filter, tracing and
 * in-flight tracking, and a shutdown on SIGTERM/SIGINT that finishes the work in progress.
 */
async function runService<Config extends CommonEnv>(
  definition: ServiceDefinition<Config>,
  config: Config,
  logger: Logger,
) {
  const { name } = definition;
  const inFlight = new InFlightTracker();
  const server = new GracefulNatsServer(
    { servers: natsServers(config.NATS_URL), queue: name, name: `${name}-${process.pid}`, maxReconnectAttempts: -1 },
    inFlight,
    Math.min(definition.drainTimeoutMs ?? 10_000, config.SHUTDOWN_TIMEOUT_MS / 2),
  );
  const app = await NestFactory.createMicroservice(definition.module(config), { strategy: server, logger });
  app.useGlobalFilters(new RpcErrorFilter(logger));
  app.useGlobalInterceptors(new TraceInterceptor(), new InFlightInterceptor(inFlight));
  await app.listen();
  logger.log({ msg: `${name} service ready`, queue: name, pid: process.pid }, 'Bootstrap');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `${signal}: finishing ${inFlight.size} request(s) in flight, then stopping` }, 'Bootstrap');
    // Whatever hangs (a statement, a pool waiting for a connection that never comes back), the
    // process goes within the grace period, rather than waiting for the orchestrator's SIGKILL.
    setTimeout(() => {
      logger.error(
        {
          msg: `still stopping after ${config.SHUTDOWN_TIMEOUT_MS} ms (SHUTDOWN_TIMEOUT_MS): exiting anyway`,
          inFlight: inFlight.size,
        },
        'Bootstrap',
      );
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await app.close();
      logger.log(`${name} service stopped`, 'Bootstrap');
      process.exit(0);
    } catch (error) {
      logger.error(error, 'Bootstrap');
      process.exit(1);
    }
  };
  // stop() catches its own failures and exits either way: nothing is left to reject.
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

/** Logs why a process could not start (a bad variable, an unreachable database) and exits non-zero. */
function exitOnStartupFailure(logger: Logger) {
  return (error: unknown) => {
    // A configuration error already says what to fix; its stack would only bury that.
    if (error instanceof Error && error.name === 'ConfigError') logger.error(error.message, 'Bootstrap');
    else logger.error(error instanceof Error ? error : String(error), 'Bootstrap');
    process.exit(1);
  };
}
