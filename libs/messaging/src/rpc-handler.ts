import { envelopeOf, type AnyRpc, type Envelope as RequestEnvelope, type ParsedRequestOf } from '@kern/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { invalidInput } from './validation';

/** Handles one contract subject (`@Handles(identity.register)`), so the wire name is written once. */
export const Handles = (rpc: AnyRpc) => MessagePattern(rpc.subject);

/** The validated envelope of a request: who asks, and the payload parsed by the subject's schema. */
export type Request<R extends AnyRpc> = RequestEnvelope<ParsedRequestOf<R>>;

@Injectable()
class EnvelopePipe implements PipeTransform {
  private readonly schema;
  constructor(rpc: AnyRpc) {
    this.schema = envelopeOf(rpc.request);
  }
  transform(value: unknown) {
    const result = this.schema.safeParse(value);
    if (!result.success) throw invalidInput(result.error);
    return result.data;
  }
}

/** Injects the validated `Request<typeof rpc>`; a payload that fails the schema answers BAD_USER_INPUT. */
export const Envelope = (rpc: AnyRpc) => Payload(new EnvelopePipe(rpc));
