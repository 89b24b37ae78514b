import { TRACEPARENT_HEADER } from '@kern/contracts';
import { runInTrace, traceFromHeader } from '@kern/logging';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';
import { Observable } from 'rxjs';

/** Runs each handler inside the caller's trace, so its logs and its own outgoing calls carry the trace id. */
@Injectable()
export class TraceInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Nest types a NATS message's headers as any.
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders?.() as MsgHdrs | undefined;
    const trace = traceFromHeader(headers?.get(TRACEPARENT_HEADER));
    return new Observable((subscriber) => runInTrace(trace, () => next.handle().subscribe(subscriber)));
  }
}
