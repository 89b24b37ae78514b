import { KernStack, type GraphQLClient } from '@kern/testing';
import { login, LOGIN, ME, PASSWORD, register, REGISTER, registerVerified } from './operations';

const ADMIN = { email: 'root@kern-corp.test', password: 'admin password 1' };

let stack: KernStack;
let anonymous: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    without: ['spaces', 'threads'],
    env: {
      KERN_ADMIN_EMAIL: ADMIN.email,
      KERN_ADMIN_PASSWORD: ADMIN.password,
      // The tests play several clients behind a proxy on loopback, told apart by X-Forwarded-For.
      TRUST_PROXY: 'loopback',
      REGISTRATIONS_PER_ADDRESS_PER_HOUR: '3',
      LOGIN_FREE_FAILURES: '2',
      LOGIN_MAX_DELAY_SECONDS: '600',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_PER_HOUR: '4',
      LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR: '6',
    },
  });
  anonymous = stack.graphql;
});
afterAll(() => stack?.stop());

const from = (address: string) => anonymous.withHeaders({ 'x-forwarded-for': address });
const account = (handle: string) => ({
  email: `${handle}@example.com`,
  password: PASSWORD,
  displayName: handle,
  handle,
});

describe('registration limits per client address', () => {
  it('refuses the fourth account from one address within the hour, saying when to retry', async () => {
    const client = from('203.0.113.1');
    for (const handle of ['reg1', 'reg2', 'reg3']) await client.ok(REGISTER, { input: account(handle) });
    const refused = await client.request(REGISTER, { input: account('reg4') });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(refused.errors?.[0].extensions?.retryAfterSeconds as number).toBeGreaterThan(3500);
  });

  it('counts each address separately, and exempts registrations with an invitation', async () => {
    await from('203.0.113.2').ok(REGISTER, { input: account('reg5') });
    const admin = anonymous.withToken((await login(anonymous, ADMIN.email, ADMIN.password)).accessToken);
    const { createInvitation } = await admin.ok(
      `mutation { createInvitation(input: { email: "reg6@example.com", kind: EMPLOYEE }) { token } }`,
    );
    const invited = await from('203.0.113.1').ok(REGISTER, {
      input: { ...account('reg6'), invitationToken: createInvitation.token },
    });
    expect(invited.register.user.kind).toBe('EMPLOYEE');
  });
});

describe('password rules', () => {
  it('refuse one of the most common passwords, whatever its letter case', async () => {
    const response = await from('203.0.113.9').request(REGISTER, {
      input: { ...account('weak'), password: 'Password123' },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password' }] });
  });

  it('refuse fewer than 10 characters and accept a long passphrase without composition rules', async () => {
    expect(
      await from('203.0.113.9').errorCode(REGISTER, { input: { ...account('short'), password: 'abc12345' } }),
    ).toBe('BAD_USER_INPUT');
    const ok = await from('203.0.113.9').request(REGISTER, {
      input: { ...account('phrase'), password: 'all lowercase words here' },
    });
    expect(ok.errors).toBeUndefined();
  });
});

describe('sign-in throttling', () => {
  beforeAll(async () => {
    // The owner signs in once from their usual address.
    await registerVerified(from('198.51.100.10'), stack.outboxDir, 'owner');
    await login(from('198.51.100.10'), 'owner@example.com');
  });

  it('makes an attacker wait after a few failures, even with the right password, and records it', async () => {
    const attacker = from('192.0.2.66');
    for (let i = 0; i < 2; i++)
      expect(await attacker.errorCode(LOGIN, { email: 'owner@example.com', password: `guess number ${i}` })).toBe(
        'UNAUTHENTICATED',
      );
    const third = await attacker.request(LOGIN, { email: 'owner@example.com', password: PASSWORD });
    expect(third.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });

    const admin = anonymous.withToken((await login(anonymous, ADMIN.email, ADMIN.password)).accessToken);
    const { auditLog } = await admin.ok(`{ auditLog(first: 20) { edges { node { action clientAddress } } } }`);
    const nodes = auditLog.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toContainEqual({ action: 'LOGIN_FAILED', clientAddress: '192.0.2.66' });
    expect(nodes).toContainEqual({ action: 'LOGIN_THROTTLED', clientAddress: '192.0.2.66' });
  });

  it('does not lock the owner out: their usual address still gets in', async () => {
    const session = await login(from('198.51.100.10'), 'owner@example.com');
    expect((await anonymous.withToken(session.accessToken).ok(ME)).me.handle).toBe('owner');
  });

  it('caps failures per account per hour from addresses it never signed in from', async () => {
    await register(from('198.51.100.11'), 'target');
    const attackers = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];
    const codes: Array<string | undefined> = [];
    for (const address of attackers)
      codes.push(await from(address).errorCode(LOGIN, { email: 'target@example.com', password: 'wrong password' }));
    // Two free failures, then each try must wait: the cap or the delay stops the rest.
    expect(codes.slice(0, 2)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codes.slice(2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('caps failures per address over all accounts', async () => {
    const sprayer = from('192.0.2.99');
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 7; i++)
      codes.push(await sprayer.errorCode(LOGIN, { email: `nobody${i}@example.com`, password: 'wrong password' }));
    expect(codes.slice(0, 6).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(codes[6]).toBe('RATE_LIMITED');
  });
});

describe('signing key rotation', () => {
  it('signs new tokens with a new key while tokens signed before stay valid until they expire', async () => {
    const admin = await login(anonymous, ADMIN.email, ADMIN.password);
    await registerVerified(from('203.0.113.50'), stack.outboxDir, 'rotor');
    const before = await login(from('203.0.113.50'), 'rotor@example.com');
    const oldKid = JSON.parse(Buffer.from(before.accessToken.split('.')[0], 'base64url').toString()).kid;

    const { rotateSigningKey: newKid } = await anonymous
      .withToken(admin.accessToken)
      .ok(`mutation { rotateSigningKey }`);
    expect(newKid).not.toBe(oldKid);

    const after = await login(anonymous, 'rotor@example.com');
    expect(JSON.parse(Buffer.from(after.accessToken.split('.')[0], 'base64url').toString()).kid).toBe(newKid);
    expect((await anonymous.withToken(after.accessToken).ok(ME)).me.handle).toBe('rotor');
    expect((await anonymous.withToken(before.accessToken).ok(ME)).me.handle).toBe('rotor');
  });

  it('is for admins only', async () => {
    const session = await register(from('203.0.113.51'), 'notadmin');
    expect(await anonymous.withToken(session.accessToken).errorCode(`mutation { rotateSigningKey }`)).toBe('FORBIDDEN');
  });
});
