import { ANONYMOUS, expertise, identity, TRACEPARENT_HEADER, type Principal } from '@kern/contracts';
import { runInTrace } from '@kern/logging';
import type { ClientProxy } from '@nestjs/microservices';
import { NEVER, of, Subject, throwError } from 'rxjs';
import { DomainError } from './domain-error';
import { ServiceClient } from './service-client';

/** A ClientProxy stand-in that records what is sent and answers with the given observable. */
function fakeProxy(answer: () => ReturnType<ClientProxy['send']>) {
  const sent: Array<{ subject: string; record: { data: unknown; headers: { get(name: string): string } } }> = [];
  const proxy = {
    status: new Subject<string>(),
    send: (subject: string, record: never) => {
      sent.push({ subject, record });
      return answer();
    },
    close: () => Promise.resolve(),
  };
  return { proxy: proxy as unknown as ClientProxy, sent };
}

const customer: Principal = {
  kind: 'CUSTOMER',
  userId: '4a8f0f3e-2d0c-4a55-9c53-3f1f2e9b7c11',
  roles: [],
  scopes: ['READ'],
  emailVerified: true,
  credential: 'API_TOKEN',
};

describe('ServiceClient', () => {
  it('sends the principal beside the payload and a traceparent header', async () => {
    const { proxy, sent } = fakeProxy(() => of({ topics: [] }));
    await new ServiceClient(proxy, 1000).call(expertise.listTopics, {}, customer);
    expect(sent[0].subject).toBe('expertise.topic.list');
    expect(sent[0].record.data).toEqual({ principal: customer, payload: {} });
    expect(sent[0].record.headers.get(TRACEPARENT_HEADER)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('continues the current trace in the traceparent it sends', async () => {
    const { proxy, sent } = fakeProxy(() => of({ topics: [] }));
    const traceId = 'a'.repeat(32);
    await runInTrace({ traceId, spanId: 'b'.repeat(16) }, () =>
      new ServiceClient(proxy, 1000).call(expertise.listTopics, {}, ANONYMOUS),
    );
    expect(sent[0].record.headers.get(TRACEPARENT_HEADER)).toContain(`-${traceId}-`);
  });

  it('fails with SERVICE_UNAVAILABLE after the timeout when the service does not answer', async () => {
    const { proxy } = fakeProxy(() => NEVER);
    const call = new ServiceClient(proxy, 30).call(identity.health, {}, ANONYMOUS);
    await expect(call).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The identity service did not answer within 30 ms',
    });
  });

  it('fails with SERVICE_UNAVAILABLE when no replica is subscribed', async () => {
    const { proxy } = fakeProxy(() =>
      throwError(
        () => new Error('Empty response. There are no subscribers listening to that message ("identity.health")'),
      ),
    );
    await expect(new ServiceClient(proxy, 1000).call(identity.health, {}, ANONYMOUS)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The identity service is not available',
    });
  });

  it('turns a remote error into a DomainError with the same code, message and details', async () => {
    const remote = { code: 'CONFLICT', message: 'taken', details: { field: 'email' } };
    const { proxy } = fakeProxy(() => throwError(() => remote));
    const error = await new ServiceClient(proxy, 1000).call(identity.health, {}, ANONYMOUS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject(remote);
  });

  it('does not pass on a remote error with an unknown code as if it were one of ours', async () => {
    const { proxy } = fakeProxy(() => throwError(() => ({ status: 'error', message: 'Internal server error' })));
    await expect(new ServiceClient(proxy, 1000).call(identity.health, {}, ANONYMOUS)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
  });
});
