import { ANONYMOUS, expertise, identity, spaces, threads, type HealthReply } from '@kern/contracts';
import { DomainError, ServiceClient } from '@kern/messaging';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LiveEvents } from '../live/live-events';

const SERVICES = { identity, spaces, threads, expertise } as const;
const CHECK_TIMEOUT_MS = 1500;

type ServiceHealth = HealthReply | { status: 'down'; error: string };

/** `GET /health`: 200 when the gateway, NATS and every service answer healthy, 503 otherwise (for probes); also counts dead letters. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly events: LiveEvents,
  ) {}

  @Get()
  async health(@Res() res: Response) {
    const entries = await Promise.all(
      Object.entries(SERVICES).map(async ([name, contract]): Promise<[string, ServiceHealth]> => {
        try {
          return [name, await this.client.call(contract.health, {}, ANONYMOUS, { timeoutMs: CHECK_TIMEOUT_MS })];
        } catch (error) {
          return [name, { status: 'down', error: error instanceof DomainError ? error.message : 'unknown error' }];
        }
      }),
    );
    const services = Object.fromEntries(entries);
    const nats = this.client.isConnected() ? 'ok' : 'down';
    const ok = nats === 'ok' && entries.every(([, health]) => health.status === 'ok');
    // Dead letters do not make Kern unhealthy, but someone should look at them.
    const events = { deadLetters: await this.events.deadLetters() };
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', gateway: 'ok', nats, services, events });
  }
}
