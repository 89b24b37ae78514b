import type { AnyRpc, Principal, ReplyOf, RequestOf } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';

/**
 * One request's service reads, each distinct one made once: `me` or `search(query: "x")` aliased 30
 * times is one call, answered 30 times. For queries only: a mutation repeated must run each time.
 */
export function createRequestReads(client: ServiceClient, principal: Principal) {
  const calls = new Map<string, Promise<unknown>>();
  return {
    call<R extends AnyRpc>(rpc: R, payload: RequestOf<R>): Promise<ReplyOf<R>> {
      const key = `${rpc.subject} ${JSON.stringify(payload)}`;
      let call = calls.get(key);
      if (!call) {
        call = client.call(rpc, payload, principal);
        calls.set(key, call);
      }
      return call as Promise<ReplyOf<R>>;
    },
  };
}
export type RequestReads = ReturnType<typeof createRequestReads>;
