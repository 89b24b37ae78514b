import { z } from 'zod';
import { Principal } from './principal';
import { wellFormed } from './well-formed';

/**
 * One request/reply subject: its wire name, the schema its payload must pass, and (as a type only)
 * what it answers. Clients and handlers both take the whole definition, so a wrong payload or a
 * wrong reply type does not compile.
 */
export interface Rpc<Subject extends string, Request extends z.ZodType, Reply> {
  readonly subject: Subject;
  readonly request: Request;
  /** Phantom: carries the reply type, never read at run time. */
  readonly reply?: Reply;
}

export function rpc<Reply>() {
  return <Subject extends string, Request extends z.ZodType>(
    subject: Subject,
    request: Request,
  ): Rpc<Subject, Request, Reply> => ({ subject, request });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any reply; each contract keeps its own reply type
export type AnyRpc = Rpc<string, z.ZodType, any>;
export type RequestOf<R extends AnyRpc> = z.input<R['request']>;
export type ParsedRequestOf<R extends AnyRpc> = z.output<R['request']>;
export type ReplyOf<R extends AnyRpc> = R extends Rpc<string, z.ZodType, infer Reply> ? Reply : never;

/**
 * What travels over NATS: the caller's principal beside the payload, never inside it. Handlers parse
 * it with this schema, so every string of every request is refused when it is not storable text
 * (NUL, a lone surrogate) before the subject's own schema sees it.
 */
export const envelopeOf = <Request extends z.ZodType>(request: Request) =>
  z.object({ principal: Principal, payload: wellFormed(request) });
export interface Envelope<Payload> {
  principal: Principal;
  payload: Payload;
}

/** The header that carries the W3C trace context across every call. */
export const TRACEPARENT_HEADER = 'traceparent';
