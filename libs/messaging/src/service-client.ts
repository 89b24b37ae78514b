import {
  ErrorCode,
  isErrorCode,
  TRACEPARENT_HEADER,
  type AnyEvent,
  type AnyRpc,
  type PayloadOf,
  type Principal,
  type ReplyOf,
  type RequestOf,
} from '@kern/contracts';
import { outgoingTraceparent } from '@kern/logging';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { ClientProxy } from '@nestjs/microservices';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';
import { DomainError, isDomainError } from './domain-error';
import { assertNotHolding } from './holding';

export interface CallOptions {
  /** Overrides the client's default timeout for this call. */
  timeoutMs?: number;
}

/**
 * The only way one Kern process calls another. Every call carries the caller's principal and a
 * `traceparent`, fails after a timeout instead of hanging (Nest's `send` has none), and turns any
 * failure into a DomainError with a contract code.
 */
export class ServiceClient {
  private connected = false;

  constructor(
    private readonly proxy: ClientProxy,
    private readonly defaultTimeoutMs: number,
  ) {
    proxy.status.subscribe((status) => (this.connected = status === 'connected'));
  }

  /** Whether the NATS connection is up right now (it is opened by the first call). */
  isConnected(): boolean {
    return this.connected;
  }

  async call<R extends AnyRpc>(
    rpc: R,
    payload: RequestOf<R>,
    principal: Principal,
    options: CallOptions = {},
  ): Promise<ReplyOf<R>> {
    assertNotHolding(`calling ${rpc.subject}`);
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const headers = natsHeaders();
    headers.set(TRACEPARENT_HEADER, outgoingTraceparent());
    const record = new NatsRecordBuilder({ principal, payload }).setHeaders(headers).build();
    try {
      return await lastValueFrom(this.proxy.send<ReplyOf<R>>(rpc.subject, record).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw toDomainError(error, rpc.subject, timeoutMs);
    }
  }

  /**
   * Publishes an event to every subscriber (core NATS: no replay for one that is down). Call it after
   * the change is committed, never inside the transaction.
   */
  async emit<E extends AnyEvent>(event: E, payload: PayloadOf<E>): Promise<void> {
    assertNotHolding(`publishing ${event.subject}`);
    const headers = natsHeaders();
    headers.set(TRACEPARENT_HEADER, outgoingTraceparent());
    await lastValueFrom(this.proxy.emit(event.subject, new NatsRecordBuilder(payload).setHeaders(headers).build()), {
      defaultValue: undefined,
    });
  }

  async close(): Promise<void> {
    await this.proxy.close();
  }
}

function serviceOf(subject: string) {
  return subject.split('.')[0];
}

/** Maps what `ClientProxy.send` can fail with; exported for its unit test. */
export function toDomainError(error: unknown, subject: string, timeoutMs: number): DomainError {
  if (isDomainError(error)) return error;
  const service = serviceOf(subject);
  if (error instanceof TimeoutError) {
    return new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The ${service} service did not answer within ${timeoutMs} ms`,
    );
  }
  if (isRemoteError(error)) return new DomainError(error.code, error.message, error.details);
  // No replica subscribed (NATS "no responders", which Nest reports as an empty response), or the
  // connection to NATS itself is down.
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${service} service is not available`);
}

function isRemoteError(
  error: unknown,
): error is { code: ErrorCode; message: string; details?: Record<string, unknown> } {
  return (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
