import { KernStack, queryDatabase, type GraphQLClient, type GraphQLResponse } from '@kern/testing';
import { LOGIN, PASSWORD, REGISTER } from './operations';

// One password hash at a time and one waiting: what a flood of sign-ins meets on a small machine.
let stack: KernStack;
let anonymous: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    without: ['spaces', 'threads', 'expertise'],
    env: { TRUST_PROXY: 'loopback', PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '1' },
  });
  anonymous = stack.graphql;
});
afterAll(() => stack?.stop());

const from = (address: string) => anonymous.withHeaders({ 'x-forwarded-for': address });
const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code ?? 'OK';
const together = <T>(n: number, request: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => request(i)));

describe('password hashing under a flood', () => {
  it('answers RATE_LIMITED at once when the queue is full, and counts nothing it did not evaluate', async () => {
    const responses = await together(60, (i) =>
      from(`192.0.2.${i + 1}`).request(LOGIN, { email: `nobody${i}@example.com`, password: 'wrong password' }),
    );
    const codes = responses.map(codeOf);
    const limited = responses.filter((response) => codeOf(response) === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number), reason: 'BUSY' });
    expect(codes.filter((code) => code === 'UNAUTHENTICATED').length + limited.length).toBe(60);
    const [row] = await queryDatabase<{ n: number }>(
      stack.database.url,
      `SELECT count(*)::int AS n FROM identity.audit_events WHERE action = 'LOGIN_FAILED'`,
    );
    expect(row.n).toBe(codes.filter((code) => code === 'UNAUTHENTICATED').length);
  });

  it('never hashes for a registration whose invitation is bogus: none of them waits for the queue', async () => {
    const responses = await together(40, (i) =>
      from(`198.51.100.${i + 1}`).request(REGISTER, {
        input: {
          email: `bogus${i}@example.com`,
          password: PASSWORD,
          displayName: 'B',
          handle: `bogus${i}`,
          invitationToken: 'kern_inv_made-up',
        },
      }),
    );
    expect(responses.map(codeOf)).toEqual(Array(40).fill('BAD_USER_INPUT'));
  });
});
