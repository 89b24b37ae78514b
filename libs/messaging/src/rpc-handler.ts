import {
  envelopeOf,
  type AnyEvent,
  type AnyRpc,
  type Envelope as RequestEnvelope,
  type ParsedRequestOf,
} from '@kern/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { invalidInput } from './validation';

/** Handles one contract subject (`@Handles(identity.register)`), so the wire name is written once. */
export const Handles = (rpc: AnyRpc): MethodDecorator => MessagePattern(rpc.subject);

/** The validated envelope of a request: who asks, and the payload parsed by the subject's schema. */
export type Request<R extends AnyRpc> = RequestEnvelope<ParsedRequestOf<R>>;

@Injectable()
class SchemaPipe implements PipeTransform {
  constructor(private readonly schema: z.ZodType) {}
  transform(value: unknown) {
    const result = this.schema.safeParse(value);
    if (!result.success) throw invalidInput(result.error);
    return result.data;
  }
}

/** Injects the validated `Request<typeof rpc>`; a payload that fails the schema answers BAD_USER_INPUT. */
export const Envelope = (rpc: AnyRpc) => Payload(new SchemaPipe(envelopeOf(rpc.request)));

/** Handles one contract event (`@On(identityEvents.accessRevoked)`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the payload is typed by @EventPayload
export const On = (event: AnyEvent) => EventPattern<Record<string, any>>(event.subject);

/** Injects the event's payload, parsed by its schema. */
export const EventPayload = (event: AnyEvent) => Payload(new SchemaPipe(event.payload));
