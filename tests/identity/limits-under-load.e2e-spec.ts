import { KernStack, queryDatabase, waitForMail, type GraphQLClient, type GraphQLResponse } from '@kern/testing';
import { login, LOGIN, ME, PASSWORD, REGISTER, registerVerified } from './operations';

// The real limits (README's defaults), which requests arriving together must not get past.
let stack: KernStack;
let anonymous: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    without: ['spaces', 'threads', 'expertise'],
    env: {
      // The tests play many clients behind a proxy on loopback, told apart by X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      REGISTRATIONS_PER_ADDRESS_PER_HOUR: '10',
      LOGIN_FREE_FAILURES: '5',
      LOGIN_MAX_DELAY_SECONDS: '900',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_PER_HOUR: '20',
      LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR: '100',
    },
  });
  anonymous = stack.graphql;
});
afterAll(() => stack?.stop());

const from = (address: string) => anonymous.withHeaders({ 'x-forwarded-for': address });
const account = (handle: string, email = `${handle}@example.com`) => ({
  email,
  password: PASSWORD,
  displayName: handle,
  handle,
});
const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code ?? 'OK';
const count = (codes: string[], code: string) => codes.filter((each) => each === code).length;
const together = <T>(n: number, request: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => request(i)));

async function failuresRecordedFor(email: string): Promise<number> {
  const [row] = await queryDatabase<{ n: number }>(
    stack.database.url,
    `SELECT count(*)::int AS n FROM identity.audit_events WHERE action = 'LOGIN_FAILED' AND details->>'email' = $1`,
    [email],
  );
  return row.n;
}

describe('registrations arriving together', () => {
  it('make exactly the 10 accounts an address may open per hour out of 40 at once; the rest are RATE_LIMITED', async () => {
    const client = from('203.0.113.40');
    const codes = (await together(40, (i) => client.request(REGISTER, { input: account(`burst${i}`) }))).map(codeOf);
    expect(count(codes, 'OK')).toBe(10);
    expect(count(codes, 'RATE_LIMITED')).toBe(30);
    const [row] = await queryDatabase<{ n: number }>(
      stack.database.url,
      `SELECT count(*)::int AS n FROM identity.users WHERE handle LIKE 'burst%'`,
    );
    expect(row.n).toBe(10);
  });

  it('count a registration with a bogus invitation against the address, and refuse it', async () => {
    const client = from('203.0.113.41');
    const bogus = await together(10, (i) =>
      client.request(REGISTER, { input: { ...account(`bogus${i}`), invitationToken: 'kern_inv_made-up' } }),
    );
    expect(bogus.map(codeOf)).toEqual(Array(10).fill('BAD_USER_INPUT'));
    expect(await client.errorCode(REGISTER, { input: account('afterbogus') })).toBe('RATE_LIMITED');
  });
});

describe('wrong passwords arriving together', () => {
  it('100 at once for one account: exactly LOGIN_FREE_FAILURES are evaluated and recorded, the rest RATE_LIMITED', async () => {
    await registerVerified(from('198.51.100.1'), stack.outboxDir, 'victim');
    const attacker = from('192.0.2.10');
    const responses = await together(100, (i) =>
      attacker.request(LOGIN, { email: 'victim@example.com', password: `wrong guess ${i}` }),
    );
    const codes = responses.map(codeOf);
    expect(count(codes, 'UNAUTHENTICATED')).toBe(5);
    expect(count(codes, 'RATE_LIMITED')).toBe(95);
    expect(responses.find((response) => codeOf(response) === 'RATE_LIMITED')?.errors?.[0].extensions).toMatchObject({
      retryAfterSeconds: expect.any(Number),
    });
    expect(await failuresRecordedFor('victim@example.com')).toBe(5);
  });

  it('never lock out another account that signs in correctly from the same address', async () => {
    await registerVerified(from('198.51.100.2'), stack.outboxDir, 'bystander');
    const session = await login(from('192.0.2.10'), 'bystander@example.com');
    expect((await anonymous.withToken(session.accessToken).ok(ME)).me.handle).toBe('bystander');
  });
});

describe("the owner's usual address", () => {
  it('is still held to the account limits: 100 wrong passwords at once from it, 5 evaluated', async () => {
    const home = from('198.51.100.3');
    await registerVerified(home, stack.outboxDir, 'homeowner');
    await login(home, 'homeowner@example.com');
    const codes = (
      await together(100, (i) => home.request(LOGIN, { email: 'homeowner@example.com', password: `typo number ${i}` }))
    ).map(codeOf);
    expect(count(codes, 'UNAUTHENTICATED')).toBe(5);
    expect(count(codes, 'RATE_LIMITED')).toBe(95);
  });

  it('is waived only from the address-wide limit: once an address is spent, its owners still get in', async () => {
    const office = from('198.51.100.4');
    await registerVerified(office, stack.outboxDir, 'resident');
    await login(office, 'resident@example.com');
    // 100 failures for 100 unknown accounts spend the address (in rounds, to stay clear of the hashing queue).
    for (let round = 0; round < 4; round++) {
      const codes = (
        await together(25, (i) =>
          office.request(LOGIN, { email: `spray${round * 25 + i}@example.com`, password: 'Summer2026!' }),
        )
      ).map(codeOf);
      expect(codes).toEqual(Array(25).fill('UNAUTHENTICATED'));
    }
    expect(await office.errorCode(LOGIN, { email: 'spray-more@example.com', password: 'Summer2026!' })).toBe(
      'RATE_LIMITED',
    );
    expect((await login(office, 'resident@example.com')).user.handle).toBe('resident');
  });
});

describe('registering with an address that already has an account', () => {
  const OTHER_PASSWORD = 'a password of my own 42';

  it('answers exactly as for a new address, signs in neither, and mails the owner instead', async () => {
    const owner = await registerVerified(from('198.51.100.20'), stack.outboxDir, 'taken');
    const client = from('203.0.113.60');
    const fresh = await client.request(REGISTER, { input: { ...account('newcomer'), password: OTHER_PASSWORD } });
    const again = await client.request(REGISTER, {
      input: { ...account('squatter', 'taken@example.com'), password: OTHER_PASSWORD },
    });
    expect(codeOf(fresh)).toBe('OK');
    expect(codeOf(again)).toBe('OK');

    const shape = (response: GraphQLResponse) => {
      const { accessToken, refreshToken, expiresAt, user } = response.data!.register;
      return {
        accessToken: typeof accessToken,
        refreshToken: refreshToken.slice(0, 8),
        expiresAt: typeof expiresAt,
        user: { ...user, id: typeof user.id, handle: typeof user.handle, email: typeof user.email },
      };
    };
    expect(shape(again)).toEqual(shape(fresh));
    expect(again.data!.register.user).toMatchObject({
      kind: 'CUSTOMER',
      email: 'taken@example.com',
      emailVerified: false,
      roles: [],
    });
    expect(again.data!.register.user.id).not.toBe(owner.user.id);

    // Their sessions answer alike, and so does signing in with the password just chosen.
    const meOf = async (response: GraphQLResponse) =>
      (await anonymous.withToken(response.data!.register.accessToken).ok(ME)).me;
    expect(Object.keys(await meOf(again))).toEqual(Object.keys(await meOf(fresh)));
    expect((await meOf(again)).emailVerified).toBe(false);
    const signInFresh = await client.request(LOGIN, { email: 'newcomer@example.com', password: OTHER_PASSWORD });
    const signInAgain = await client.request(LOGIN, { email: 'taken@example.com', password: OTHER_PASSWORD });
    expect(signInAgain.errors?.[0]).toEqual(signInFresh.errors?.[0]);
    expect(codeOf(signInAgain)).toBe('UNAUTHENTICATED');

    // The owner keeps their account and hears of the attempt, with no link that would confirm the newcomer.
    expect((await login(from('198.51.100.20'), 'taken@example.com')).user.id).toBe(owner.user.id);
    const notice = await waitForMail(
      stack.outboxDir,
      (mail) => mail.to === 'taken@example.com' && /register/i.test(mail.subject) && !/confirm/i.test(mail.subject),
    );
    expect(notice.text).toMatch(/sign in/i);
    expect(notice.text).not.toMatch(/token=/);
  });
});
