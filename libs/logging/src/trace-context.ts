import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** The W3C trace context of the work in progress, so logs and outgoing calls carry the same trace id. */
export interface TraceContext {
  traceId: string;
  spanId: string;
}

const storage = new AsyncLocalStorage<TraceContext>();
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}

export function runInTrace<T>(trace: TraceContext, work: () => T): T {
  return storage.run(trace, work);
}

/** Continues the caller's trace (a new span in it), or starts a new one when there is none or it is malformed. */
export function traceFromHeader(traceparent: string | undefined | null): TraceContext {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  return { traceId: match?.[1] ?? randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
}

export function toTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-01`;
}

/** The traceparent for an outgoing call: a new span in the current trace, or a new trace. */
export function outgoingTraceparent(): string {
  const trace = currentTrace();
  return toTraceparent(traceFromHeader(trace ? toTraceparent(trace) : null));
}
