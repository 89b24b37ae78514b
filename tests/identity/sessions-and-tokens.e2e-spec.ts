import { KernStack, queryDatabase, waitFor, type GraphQLClient } from '@kern/testing';
import { createHmac, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { login, ME, PASSWORD, REFRESH, register } from './operations';

const ADMIN = { email: 'root@kern-corp.test', password: 'admin password 1' };
const { privateKey } = generateKeyPairSync('ed25519');
const INVITE = `mutation($email: String!) { createInvitation(input: { email: $email, kind: EMPLOYEE }) { token } }`;
const CREATE_API_TOKEN = `mutation($name: String!, $scopes: [ApiScope!]!) { createApiToken(input: { name: $name, scopes: $scopes }) { id token scopes } }`;
const CREATE_TOPIC = `mutation($slug: String!) { createTopic(input: { slug: $slug, name: $slug }) { slug } }`;

let stack: KernStack;
let anonymous: GraphQLClient;
let admin: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    env: {
      KERN_ADMIN_EMAIL: ADMIN.email,
      KERN_ADMIN_PASSWORD: ADMIN.password,
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  });
  anonymous = stack.graphql;
  admin = anonymous.withToken((await login(anonymous, ADMIN.email, ADMIN.password)).accessToken);
});
afterAll(() => stack?.stop());

const header = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

async function expectRejected(client: GraphQLClient, code = 'UNAUTHENTICATED') {
  const response = await client.request(ME);
  expect(response.errors?.[0].extensions?.code).toBe(code);
}

/** An employee made the honest way, by invitation. */
async function employee(handle: string) {
  const { createInvitation } = await admin.ok(INVITE, { email: `${handle}@kern-corp.test` });
  return register(anonymous, handle, `${handle}@kern-corp.test`, { invitationToken: createInvitation.token });
}

describe('access tokens', () => {
  it('are short-lived EdDSA tokens naming issuer, audience, subject, kind, roles, expiry and key id', async () => {
    const session = await register(anonymous, 'tess');
    expect(header(session.accessToken)).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt', kid: expect.any(String) });
    const body = claims(session.accessToken);
    expect(body).toMatchObject({ iss: 'kern-identity', aud: 'kern-api', kind: 'CUSTOMER', roles: [] });
    expect(Buffer.from(session.user.id, 'base64url').toString()).toBe(`User:${body.sub}`);
    expect(body.exp - body.iat).toBeGreaterThanOrEqual(600);
    expect(body.exp - body.iat).toBeLessThanOrEqual(900);
  });

  it('are refused when signed with HS256 using the public key as the secret (algorithm confusion)', async () => {
    const session = await register(anonymous, 'uma');
    const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const head = Buffer.from(
      JSON.stringify({ alg: 'HS256', typ: 'at+jwt', kid: header(session.accessToken).kid }),
    ).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...claims(session.accessToken), roles: ['ADMIN'] })).toString(
      'base64url',
    );
    const signature = createHmac('sha256', publicPem).update(`${head}.${body}`).digest('base64url');
    await expectRejected(anonymous.withToken(`${head}.${body}.${signature}`));
  });

  it('are refused when they name a key id nobody issued', async () => {
    const session = await register(anonymous, 'vic');
    const forged = await new SignJWT({ kind: 'EMPLOYEE', roles: ['ADMIN'], ev: true, ver: 0 })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: 'not-a-kern-key' })
      .setIssuer('kern-identity')
      .setAudience('kern-api')
      .setSubject(claims(session.accessToken).sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(generateKeyPairSync('ed25519').privateKey);
    await expectRejected(anonymous.withToken(forged));
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh uses the token up and returns a new one', async () => {
    const first = await register(anonymous, 'walt');
    expect(first.refreshToken).toMatch(/^kern_rt_/);
    const { refreshSession: second } = await anonymous.ok(REFRESH, { token: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const { refreshSession: third } = await anonymous.ok(REFRESH, { token: second.refreshToken });
    expect((await anonymous.withToken(third.accessToken).ok(ME)).me.handle).toBe('walt');
  });

  it('tolerate a client that lost the response: the same token again within the grace period answers the same successor', async () => {
    const first = await register(anonymous, 'xena');
    const { refreshSession: lost } = await anonymous.ok(REFRESH, { token: first.refreshToken });
    const { refreshSession: retried } = await anonymous.ok(REFRESH, { token: first.refreshToken });
    expect(retried.refreshToken).toBe(lost.refreshToken);
    expect((await anonymous.ok(REFRESH, { token: retried.refreshToken })).refreshSession.user.kind).toBe('CUSTOMER');
  });

  it('revoke the whole family when a used token comes back later (theft), and record it', async () => {
    const stolen = await register(anonymous, 'yuri');
    const { refreshSession: owners } = await anonymous.ok(REFRESH, { token: stolen.refreshToken });
    // As if the grace period had passed since the rotation.
    await queryDatabase(
      stack.database.url,
      `UPDATE identity.refresh_tokens SET rotated_at = now() - interval '1 hour' WHERE rotated_at IS NOT NULL`,
    );

    const reuse = await anonymous.request(REFRESH, { token: stolen.refreshToken });
    expect(reuse.errors?.[0]).toMatchObject({
      message: 'This refresh token was already used; sign in again',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await anonymous.errorCode(REFRESH, { token: owners.refreshToken })).toBe('UNAUTHENTICATED');

    const { auditLog } = await admin.ok(`{ auditLog(first: 50) { edges { node { action subjectUserId } } } }`);
    expect(auditLog.edges.map((edge: { node: { action: string; subjectUserId: string } }) => edge.node)).toContainEqual(
      {
        action: 'REFRESH_TOKEN_REUSED',
        subjectUserId: stolen.user.id,
      },
    );
  });

  it('end with logout, for the whole family', async () => {
    const session = await register(anonymous, 'zoe');
    const { refreshSession: rotated } = await anonymous.ok(REFRESH, { token: session.refreshToken });
    expect(
      await anonymous.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: rotated.refreshToken }),
    ).toEqual({ logout: true });
    expect(await anonymous.errorCode(REFRESH, { token: rotated.refreshToken })).toBe('UNAUTHENTICATED');
    expect(
      await anonymous.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: rotated.refreshToken }),
    ).toEqual({ logout: false });
  });

  it('refuse garbage', async () => {
    expect(await anonymous.errorCode(REFRESH, { token: 'kern_rt_nonsense' })).toBe('UNAUTHENTICATED');
  });
});

describe('API tokens', () => {
  let owner: GraphQLClient;

  beforeAll(async () => {
    owner = anonymous.withToken((await employee('abe')).accessToken);
  });

  it('are shown once, prefixed for secret scanners, and stored only as a hash', async () => {
    const { createApiToken } = await owner.ok(CREATE_API_TOKEN, { name: 'ci', scopes: ['READ'] });
    expect(createApiToken.token).toMatch(/^kern_pat_[A-Za-z0-9_-]{43}$/);
    const rows = await queryDatabase<{ dump: string }>(
      stack.database.url,
      `SELECT string_agg(t::text, ' ') AS dump FROM identity.api_tokens t`,
    );
    expect(rows[0].dump).not.toContain(createApiToken.token);
    const { apiTokens } = await owner.ok(`{ apiTokens { id name scopes } }`);
    expect(apiTokens).toContainEqual({ id: createApiToken.id, name: 'ci', scopes: ['READ'] });
  });

  it('act as their owner: a READ token reads but cannot call any mutation', async () => {
    const { createApiToken } = await owner.ok(CREATE_API_TOKEN, { name: 'reader', scopes: ['READ'] });
    const reader = anonymous.withToken(createApiToken.token);
    expect((await reader.ok(ME)).me).toMatchObject({ handle: 'abe', kind: 'EMPLOYEE' });
    const mutation = await reader.request(`mutation { resendVerificationEmail }`);
    expect(mutation.status).toBe(403);
    expect(mutation.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('with WRITE may mutate, but not mint more API tokens', async () => {
    const { createApiToken } = await owner.ok(CREATE_API_TOKEN, { name: 'writer', scopes: ['READ', 'WRITE'] });
    const writer = anonymous.withToken(createApiToken.token);
    expect(await writer.ok(`mutation { resendVerificationEmail }`)).toEqual({ resendVerificationEmail: false });
    expect(await writer.errorCode(CREATE_API_TOKEN, { name: 'more', scopes: ['WRITE'] })).toBe('FORBIDDEN');
  });

  it('record their last use', async () => {
    const { createApiToken } = await owner.ok(CREATE_API_TOKEN, { name: 'tracked', scopes: ['READ'] });
    const lastUsed = async () =>
      (await owner.ok(`{ apiTokens { id lastUsedAt } }`)).apiTokens.find(
        (t: { id: string }) => t.id === createApiToken.id,
      ).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await anonymous.withToken(createApiToken.token).ok(ME);
    expect(Date.parse(await lastUsed())).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stop working at once when revoked; others cannot revoke them', async () => {
    const { createApiToken } = await owner.ok(CREATE_API_TOKEN, { name: 'doomed', scopes: ['READ'] });
    const client = anonymous.withToken(createApiToken.token);
    await client.ok(ME);
    const stranger = anonymous.withToken((await register(anonymous, 'bea')).accessToken);
    const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) }`;
    expect(await stranger.errorCode(REVOKE, { id: createApiToken.id })).toBe('NOT_FOUND');
    expect(await owner.ok(REVOKE, { id: createApiToken.id })).toEqual({ revokeApiToken: true });
    await expectRejected(client);
  });
});

describe('when an admin changes who someone is', () => {
  it('a demoted employee loses internal access at once: old access and refresh tokens stop working', async () => {
    const cleo = await employee('cleo');
    const asCleo = anonymous.withToken(cleo.accessToken);
    expect((await asCleo.ok(ME)).me.kind).toBe('EMPLOYEE');

    const { setUserKind } = await admin.ok(`mutation($id: ID!) { setUserKind(userId: $id, kind: CUSTOMER) { kind } }`, {
      id: cleo.user.id,
    });
    expect(setUserKind.kind).toBe('CUSTOMER');
    await waitFor(async () => (await asCleo.request(ME)).errors?.[0].extensions?.code === 'UNAUTHENTICATED', {
      what: 'the old token to be refused',
    });
    expect(await anonymous.errorCode(REFRESH, { token: cleo.refreshToken })).toBe('UNAUTHENTICATED');
    expect((await login(anonymous, 'cleo@kern-corp.test')).user.kind).toBe('CUSTOMER');
  });

  it('a gateway that missed the event learns the revocation when it syncs (at start, then every 30 s)', async () => {
    const dora = await employee('dora');
    await admin.ok(`mutation($id: ID!) { setUserKind(userId: $id, kind: CUSTOMER) { kind } }`, { id: dora.user.id });
    const late = await stack.startProcess('gateway', { GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1' });
    const { port } = await late.waitForLog((line) => typeof line.port === 'number', 'the second gateway');
    const { GraphQLClient } = await import('@kern/testing');
    const viaLateGateway = new GraphQLClient(`http://127.0.0.1:${port as number}`, dora.accessToken);
    await waitFor(async () => (await viaLateGateway.request(ME)).errors?.[0].extensions?.code === 'UNAUTHENTICATED', {
      what: 'the synced revocation',
    });
    await late.stop();
  });

  it('a suspended user is locked out: access token, login, refresh and API tokens; lifting it lets them back', async () => {
    const eve = await employee('eve');
    const asEve = anonymous.withToken(eve.accessToken);
    const { createApiToken } = await asEve.ok(CREATE_API_TOKEN, { name: 'eve-ci', scopes: ['READ'] });

    const SUSPEND = `mutation($id: ID!) { suspendUser(userId: $id, reason: "spam wave") { suspended } }`;
    expect((await admin.ok(SUSPEND, { id: eve.user.id })).suspendUser).toEqual({ suspended: true });
    await waitFor(async () => (await asEve.request(ME)).errors?.[0].extensions?.code === 'UNAUTHENTICATED', {
      what: 'the old token to be refused',
    });
    expect(
      await anonymous.errorCode(
        `mutation { login(input: { email: "eve@kern-corp.test", password: "${PASSWORD}" }) { accessToken } }`,
      ),
    ).toBe('FORBIDDEN');
    expect(await anonymous.errorCode(REFRESH, { token: eve.refreshToken })).toBe('UNAUTHENTICATED');
    await expectRejected(anonymous.withToken(createApiToken.token), 'FORBIDDEN');

    await admin.ok(`mutation($id: ID!) { unsuspendUser(userId: $id) { suspended } }`, { id: eve.user.id });
    expect((await login(anonymous, 'eve@kern-corp.test')).user.handle).toBe('eve');
  });

  it('a revoked role leaves with the tokens that carried it', async () => {
    const finn = await employee('finn');
    await admin.ok(`mutation($id: ID!) { grantRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`, {
      id: finn.user.id,
    });
    const manager = anonymous.withToken((await login(anonymous, 'finn@kern-corp.test')).accessToken);
    expect((await manager.ok(CREATE_TOPIC, { slug: 'billing' })).createTopic.slug).toBe('billing');

    await admin.ok(`mutation($id: ID!) { revokeRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`, {
      id: finn.user.id,
    });
    await waitFor(async () => (await manager.request(ME)).errors?.[0].extensions?.code === 'UNAUTHENTICATED', {
      what: 'the old token to be refused',
    });
    const fresh = anonymous.withToken((await login(anonymous, 'finn@kern-corp.test')).accessToken);
    expect(await fresh.errorCode(CREATE_TOPIC, { slug: 'refunds' })).toBe('FORBIDDEN');
  });

  it('platform roles are for employees: customers cannot get one, and lose theirs on becoming customers', async () => {
    const hal = await register(anonymous, 'hal');
    expect(
      await admin.errorCode(`mutation($id: ID!) { grantRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`, {
        id: hal.user.id,
      }),
    ).toBe('BAD_USER_INPUT');

    const ida = await employee('ida');
    await admin.ok(`mutation($id: ID!) { grantRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`, {
      id: ida.user.id,
    });
    const { setUserKind } = await admin.ok(
      `mutation($id: ID!) { setUserKind(userId: $id, kind: CUSTOMER) { kind roles } }`,
      { id: ida.user.id },
    );
    expect(setUserKind).toEqual({ kind: 'CUSTOMER', roles: [] });
  });

  it('only admins may do any of it', async () => {
    const gus = await register(anonymous, 'gus');
    const asGus = anonymous.withToken(gus.accessToken);
    expect(
      await asGus.errorCode(`mutation($id: ID!) { setUserKind(userId: $id, kind: EMPLOYEE) { kind } }`, {
        id: gus.user.id,
      }),
    ).toBe('FORBIDDEN');
    expect(
      await asGus.errorCode(`mutation($id: ID!) { grantRole(userId: $id, role: ADMIN) { roles } }`, {
        id: gus.user.id,
      }),
    ).toBe('FORBIDDEN');
    expect(await asGus.errorCode(`{ auditLog { edges { node { action } } } }`)).toBe('FORBIDDEN');
    expect(await anonymous.errorCode(`{ auditLog { edges { node { action } } } }`)).toBe('UNAUTHENTICATED');
  });

  it('every change lands in the audit log, newest first, paged', async () => {
    const { auditLog } = await admin.ok(
      `{ auditLog(first: 100) { edges { cursor node { action at } } pageInfo { hasNextPage endCursor } } }`,
    );
    const actions = auditLog.edges.map((edge: { node: { action: string } }) => edge.node.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'KIND_CHANGED',
        'USER_SUSPENDED',
        'USER_UNSUSPENDED',
        'ROLE_GRANTED',
        'ROLE_REVOKED',
        'API_TOKEN_CREATED',
        'INVITATION_ACCEPTED',
      ]),
    );
    const times = auditLog.edges.map((edge: { node: { at: string } }) => Date.parse(edge.node.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const firstPage = await admin.ok(
      `{ auditLog(first: 2) { edges { node { at action } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(firstPage.auditLog.pageInfo.hasNextPage).toBe(true);
    const next = await admin.ok(`query($after: String) { auditLog(first: 2, after: $after) { edges { cursor } } }`, {
      after: firstPage.auditLog.pageInfo.endCursor,
    });
    expect(next.auditLog.edges.map((edge: { cursor: string }) => edge.cursor)).toEqual(
      auditLog.edges.slice(2, 4).map((edge: { cursor: string }) => edge.cursor),
    );
  });
});

describe('signing key rotation', () => {
  it('is refused while the key comes from JWT_PRIVATE_KEY', async () => {
    expect(await admin.errorCode(`mutation { rotateSigningKey }`)).toBe('BAD_USER_INPUT');
  });
});
