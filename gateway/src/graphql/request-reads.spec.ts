import { ANONYMOUS, identity } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import { createRequestReads } from './request-reads';

function fakeClient() {
  const calls: Array<{ subject: string; payload: unknown }> = [];
  const client = {
    call: (rpc: { subject: string }, payload: unknown) => {
      calls.push({ subject: rpc.subject, payload });
      return Promise.resolve({ handle: JSON.stringify(payload) });
    },
  } as unknown as ServiceClient;
  return { client, calls };
}

describe('createRequestReads', () => {
  it('makes a read asked several times in one request once, and answers each with it', async () => {
    const { client, calls } = fakeClient();
    const reads = createRequestReads(client, ANONYMOUS);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => reads.call(identity.getUser, { handle: 'ann' })),
    );
    expect(new Set(answers).size).toBe(1);
    expect(calls).toEqual([{ subject: 'identity.user.get', payload: { handle: 'ann' } }]);
  });

  it('makes reads with other payloads separately', async () => {
    const { client, calls } = fakeClient();
    const reads = createRequestReads(client, ANONYMOUS);
    await Promise.all([
      reads.call(identity.getUser, { handle: 'ann' }),
      reads.call(identity.getUser, { handle: 'bob' }),
    ]);
    expect(calls.map((call) => call.payload)).toEqual([{ handle: 'ann' }, { handle: 'bob' }]);
  });

  it('never shares a read between requests', async () => {
    const { client, calls } = fakeClient();
    await createRequestReads(client, ANONYMOUS).call(identity.getUser, { handle: 'ann' });
    await createRequestReads(client, ANONYMOUS).call(identity.getUser, { handle: 'ann' });
    expect(calls).toHaveLength(2);
  });
});
