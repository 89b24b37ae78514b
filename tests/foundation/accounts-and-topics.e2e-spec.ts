import { KernStack, queryDatabase, waitForMail, type GraphQLClient } from '@kern/testing';
import { SignJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';

const ADMIN = { email: 'root@kern.test', password: 'admin password 1' };
const { privateKey } = generateKeyPairSync('ed25519');

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken expiresAt user { id handle displayName kind email } }
}`;
const LOGIN = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken user { handle } }
}`;
const CREATE_TOPIC = `mutation($slug: String!, $name: String!, $parentSlug: String) {
  createTopic(input: { slug: $slug, name: $name, parentSlug: $parentSlug }) { id slug name parent { slug } }
}`;

let stack: KernStack;
let anonymous: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    env: {
      KERN_ADMIN_EMAIL: ADMIN.email,
      KERN_ADMIN_PASSWORD: ADMIN.password,
      // A key the test knows, so it can forge tokens the way an attacker with a stolen key id could not.
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  });
  anonymous = stack.graphql;
});
afterAll(() => stack?.stop());

/** Registers and confirms the address with the mailed link: a password signs in only to a confirmed address. */
async function register(handle: string, email = `${handle}@example.com`, { confirm = true } = {}) {
  const input = { email, password: 'correct horse battery', displayName: `${handle} Example`, handle };
  const registered = (await anonymous.ok(REGISTER, { input })).register;
  if (!confirm) return registered;
  const mail = await waitForMail(stack.outboxDir, (message) => message.to === email && message.text.includes('token='));
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  await anonymous.ok(`mutation($token: String!) { verifyEmail(token: $token) { id } }`, { token });
  return registered;
}

async function signIn(email: string, password: string) {
  return anonymous.withToken((await anonymous.ok(LOGIN, { email, password })).login.accessToken);
}

describe('accounts', () => {
  it('registers a customer, logs in and answers `me` with the token', async () => {
    const registered = await register('ann');
    expect(registered.user).toMatchObject({
      handle: 'ann',
      displayName: 'ann Example',
      kind: 'CUSTOMER',
      email: 'ann@example.com',
    });
    expect(new Date(registered.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const ann = await signIn('ANN@example.com', 'correct horse battery');
    const { me } = await ann.ok(`{ me { id handle kind email } }`);
    expect(me).toEqual({ id: registered.user.id, handle: 'ann', kind: 'CUSTOMER', email: 'ann@example.com' });
  });

  it('stores passwords as argon2id hashes, never as given', async () => {
    await register('hashcheck');
    const [row] = await queryDatabase<{ password_hash: string }>(
      stack.database.url,
      `SELECT password_hash FROM identity.users WHERE handle = 'hashcheck'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('answers `me` with null for an anonymous reader', async () => {
    expect(await anonymous.ok(`{ me { id } }`)).toEqual({ me: null });
  });

  it("answers a registration with a taken e-mail (in another letter case) as for a new one, and the address stays its owner's", async () => {
    await register('bob');
    const input = { email: 'BOB@Example.com', password: 'another long password', displayName: 'Bob 2', handle: 'bob2' };
    const response = await anonymous.request(REGISTER, { input });
    expect(response.errors).toBeUndefined();
    expect(response.data?.register.user).toMatchObject({ handle: 'bob2', kind: 'CUSTOMER', email: 'bob@example.com' });
    expect(await anonymous.errorCode(LOGIN, { email: 'bob@example.com', password: 'another long password' })).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await anonymous.ok(LOGIN, { email: 'bob@example.com', password: 'correct horse battery' })).login.user.handle,
    ).toBe('bob');
  });

  it('refuses a taken handle in another letter case: CONFLICT', async () => {
    await register('carol');
    const input = {
      email: 'carol2@example.com',
      password: 'another long password',
      displayName: 'Carol',
      handle: 'CAROL',
    };
    expect(await anonymous.errorCode(REGISTER, { input })).toBe('CONFLICT');
  });

  it('explains every invalid field: BAD_USER_INPUT', async () => {
    const input = { email: 'not-an-email', password: 'short', displayName: ' ', handle: 'x' };
    const response = await anonymous.request(REGISTER, { input });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (response.errors?.[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field);
    expect(fields.sort()).toEqual(['displayName', 'email', 'handle', 'password']);
  });

  it('refuses a wrong password and an unknown e-mail alike: UNAUTHENTICATED', async () => {
    await register('dave');
    const wrong = await anonymous.request(LOGIN, { email: 'dave@example.com', password: 'not the password' });
    const unknown = await anonymous.request(LOGIN, { email: 'nobody@example.com', password: 'not the password' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual({ ...wrong.errors?.[0] });
  });

  it('takes the client address from the socket, not from a header anyone can send', async () => {
    await anonymous
      .withHeaders({ 'x-forwarded-for': '203.0.113.77' })
      .request(LOGIN, { email: 'ann@example.com', password: 'not the password' });
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const { auditLog } = await admin.ok(`{ auditLog(first: 1) { edges { node { action clientAddress } } } }`);
    expect(auditLog.edges[0].node).toEqual({
      action: 'LOGIN_FAILED',
      clientAddress: expect.stringMatching(/127\.0\.0\.1$/),
    });
  });

  it('shows a user by handle, with the e-mail only to themself and admins', async () => {
    await register('erin');
    const byStranger = await (
      await signIn('ann@example.com', 'correct horse battery')
    ).ok(`{ user(handle: "ERIN") { handle email } }`);
    const byAdmin = await (await signIn(ADMIN.email, ADMIN.password)).ok(`{ user(handle: "erin") { handle email } }`);
    const byAnonymous = await anonymous.ok(`{ user(handle: "erin") { handle email } }`);
    expect(byStranger.user).toEqual({ handle: 'erin', email: null });
    expect(byAnonymous.user).toEqual({ handle: 'erin', email: null });
    expect(byAdmin.user).toEqual({ handle: 'erin', email: 'erin@example.com' });
  });

  it('answers NOT_FOUND for an unknown handle', async () => {
    expect(await anonymous.errorCode(`{ user(handle: "no-such-person") { id } }`)).toBe('NOT_FOUND');
  });

  it('finds a user by global id with node(id), and null for ids that are not ours', async () => {
    const { user } = await register('frank');
    const found = await anonymous.ok(`query($id: ID!) { node(id: $id) { id ... on User { handle } } }`, {
      id: user.id,
    });
    expect(found.node).toEqual({ id: user.id, handle: 'frank' });
    const missing = await anonymous.ok(`{ node(id: "not-a-global-id") { id } }`);
    expect(missing.node).toBeNull();
  });
});

describe('access tokens', () => {
  const claims = { kind: 'CUSTOMER', roles: [], ev: false, ver: 0 };
  let userId: string;
  let kid: string;

  beforeAll(async () => {
    // Unconfirmed, so its token version stays 0 (a confirmation outdates the tokens issued before).
    const registered = await register('grace', undefined, { confirm: false });
    userId = Buffer.from(registered.user.id, 'base64url').toString().split(':')[1];
    kid = JSON.parse(Buffer.from(registered.accessToken.split('.')[0], 'base64url').toString()).kid;
  });

  const sign = (overrides: { exp?: number; aud?: string; iss?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .setIssuer(overrides.iss ?? 'kern-identity')
      .setAudience(overrides.aud ?? 'kern-api')
      .setSubject(userId)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(privateKey);

  async function expectUnauthenticated(token: string) {
    const response = await anonymous.withToken(token).request(`{ me { id } }`);
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data).toBeUndefined();
  }

  it('accepts a token signed with the identity key (the forging helper itself is sound)', async () => {
    const { me } = await anonymous.withToken(await sign()).ok(`{ me { handle } }`);
    expect(me.handle).toBe('grace');
  });

  it('rejects an expired token: UNAUTHENTICATED', async () => {
    await expectUnauthenticated(await sign({ exp: Math.floor(Date.now() / 1000) - 60 }));
  });

  it('rejects a tampered token: UNAUTHENTICATED', async () => {
    const [header, , signature] = (await sign()).split('.');
    const elevated = Buffer.from(
      JSON.stringify({
        ...claims,
        roles: ['ADMIN'],
        sub: userId,
        iss: 'kern-identity',
        aud: 'kern-api',
        exp: 4102444800,
      }),
    ).toString('base64url');
    await expectUnauthenticated(`${header}.${elevated}.${signature}`);
  });

  it('rejects an unsigned token (alg none) and one for another audience: UNAUTHENTICATED', async () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ ...claims, sub: userId, iss: 'kern-identity', aud: 'kern-api', exp: 4102444800 }),
    ).toString('base64url');
    await expectUnauthenticated(`${none}.${body}.`);
    await expectUnauthenticated(await sign({ aud: 'another-api' }));
  });

  it('rejects a malformed Authorization header: UNAUTHENTICATED', async () => {
    const response = await anonymous.post(JSON.stringify({ query: '{ me { id } }' }), { authorization: 'Basic abc' });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('topics', () => {
  let admin: GraphQLClient;
  let customer: GraphQLClient;

  beforeAll(async () => {
    admin = await signIn(ADMIN.email, ADMIN.password);
    await register('henry');
    customer = await signIn('henry@example.com', 'correct horse battery');
  });

  it('lets the configured admin create a taxonomy with sub-topics, readable by anyone', async () => {
    const { createTopic: parent } = await admin.ok(CREATE_TOPIC, { slug: 'payments', name: 'Payments' });
    const { createTopic: child } = await admin.ok(CREATE_TOPIC, {
      slug: 'sepa-transfers',
      name: 'SEPA transfers',
      parentSlug: 'payments',
    });
    expect(child.parent).toEqual({ slug: 'payments' });

    const { topics } = await anonymous.ok(`{ topics { id slug name parent { id slug } } }`);
    expect(topics).toEqual(
      expect.arrayContaining([
        { id: parent.id, slug: 'payments', name: 'Payments', parent: null },
        { id: child.id, slug: 'sepa-transfers', name: 'SEPA transfers', parent: { id: parent.id, slug: 'payments' } },
      ]),
    );
  });

  it('refuses a customer: FORBIDDEN', async () => {
    expect(await customer.errorCode(CREATE_TOPIC, { slug: 'loans', name: 'Loans' })).toBe('FORBIDDEN');
  });

  it('refuses an anonymous visitor: UNAUTHENTICATED', async () => {
    expect(await anonymous.errorCode(CREATE_TOPIC, { slug: 'loans', name: 'Loans' })).toBe('UNAUTHENTICATED');
  });

  it('refuses a duplicate slug (CONFLICT), an unknown parent and a malformed slug (BAD_USER_INPUT)', async () => {
    await admin.ok(CREATE_TOPIC, { slug: 'mortgages', name: 'Mortgages' });
    expect(await admin.errorCode(CREATE_TOPIC, { slug: 'mortgages', name: 'Again' })).toBe('CONFLICT');
    expect(await admin.errorCode(CREATE_TOPIC, { slug: 'orphan', name: 'Orphan', parentSlug: 'nope' })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await admin.errorCode(CREATE_TOPIC, { slug: 'Not A Slug', name: 'Bad' })).toBe('BAD_USER_INPUT');
  });

  it('is reachable by node(id) as a Topic', async () => {
    const { createTopic } = await admin.ok(CREATE_TOPIC, { slug: 'savings', name: 'Savings' });
    const { node } = await anonymous.ok(`query($id: ID!) { node(id: $id) { __typename ... on Topic { slug } } }`, {
      id: createTopic.id,
    });
    expect(node).toEqual({ __typename: 'Topic', slug: 'savings' });
  });
});

describe('the first admin', () => {
  it('is created again for a new KERN_ADMIN_EMAIL, under a free handle, without touching the first', async () => {
    const [identity] = stack.find('identity');
    await identity.stop();
    await stack.startProcess('identity', {
      KERN_ADMIN_EMAIL: 'second-root@kern.test',
      KERN_ADMIN_PASSWORD: 'second admin password',
    });
    const second = await signIn('second-root@kern.test', 'second admin password');
    expect((await second.ok(`{ me { handle roles } }`)).me).toEqual({ handle: 'admin-2', roles: ['ADMIN'] });
    expect((await (await signIn(ADMIN.email, ADMIN.password)).ok(`{ me { handle } }`)).me.handle).toBe('admin');
  });
});
