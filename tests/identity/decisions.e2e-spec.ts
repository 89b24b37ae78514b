import { KernStack, queryDatabase, readOutbox, waitFor, type GraphQLClient } from '@kern/testing';
import { login, ME, REFRESH, register, tokenInLink, VERIFY } from './operations';

const ADMIN = { email: 'root@kern-corp.test', password: 'admin password 1' };
const INVITE = `mutation($email: String!) { createInvitation(input: { email: $email, kind: EMPLOYEE }) { token } }`;
const SET_KIND = `mutation($id: ID!, $kind: MemberKind!) { setUserKind(userId: $id, kind: $kind) { kind } }`;
const GRANT = `mutation($id: ID!) { grantRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`;
const REVOKE = `mutation($id: ID!) { revokeRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;

let stack: KernStack;
let anonymous: GraphQLClient;
let admin: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    without: ['threads', 'expertise'],
    env: {
      KERN_ADMIN_EMAIL: ADMIN.email,
      KERN_ADMIN_PASSWORD: ADMIN.password,
      KERN_EMPLOYEE_DOMAINS: 'kern-corp.test',
    },
  });
  anonymous = stack.graphql;
  admin = anonymous.withToken((await login(anonymous, ADMIN.email, ADMIN.password)).accessToken);
});
afterAll(() => stack?.stop());

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

async function verificationLinks(email: string, n: number): Promise<string[]> {
  const mails = await waitFor(
    async () => {
      const links = (await readOutbox(stack.outboxDir)).filter(
        (mail) => mail.to === email && mail.text.includes('verify-email?token='),
      );
      return links.length >= n && links;
    },
    { what: `${n} verification mails to ${email}` },
  );
  return mails.map((mail) => tokenInLink(mail.text, 'token'));
}

async function auditActions(subjectGlobalId: string): Promise<string[]> {
  const rows = await queryDatabase<{ action: string }>(
    stack.database.url,
    `SELECT action FROM identity.audit_events WHERE subject_user_id = $1 ORDER BY id`,
    [rawId(subjectGlobalId)],
  );
  return rows.map((row) => row.action);
}

/** A token refused for predating a change answers UNAUTHENTICATED with a reason that says: refresh. */
async function expectOutdated(client: GraphQLClient) {
  const refused = await waitFor(
    async () => {
      const response = await client.request(ME);
      return response.errors?.[0] && response;
    },
    { what: 'the old access token to be refused' },
  );
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_OUTDATED' });
  expect(refused.errors?.[0].message).toMatch(/refresh/i);
}

describe('a demoted employee', () => {
  it('does not become an EMPLOYEE again with a spare verification link', async () => {
    const nina = await register(anonymous, 'nina', 'nina@kern-corp.test');
    await anonymous.withToken(nina.accessToken).ok(`mutation { resendVerificationEmail }`);
    const [first, spare] = await verificationLinks('nina@kern-corp.test', 2);

    expect((await anonymous.ok(VERIFY, { token: first })).verifyEmail).toMatchObject({
      kind: 'EMPLOYEE',
      emailVerified: true,
    });
    await admin.ok(SET_KIND, { id: nina.user.id, kind: 'CUSTOMER' });

    expect(await anonymous.errorCode(VERIFY, { token: spare })).toBe('BAD_USER_INPUT');
    expect((await login(anonymous, 'nina@kern-corp.test')).user.kind).toBe('CUSTOMER');
  });

  it('is promoted by the first verification of the address only', async () => {
    const omar = await register(anonymous, 'omar', 'omar@kern-corp.test');
    await anonymous.withToken(omar.accessToken).ok(`mutation { resendVerificationEmail }`);
    const [first, spare] = await verificationLinks('omar@kern-corp.test', 2);
    await anonymous.ok(VERIFY, { token: first });
    // A kind changed without setUserKind (so the spare link survives): the rule alone must hold.
    await queryDatabase(stack.database.url, `UPDATE identity.users SET kind = 'CUSTOMER' WHERE handle = 'omar'`);
    expect((await anonymous.ok(VERIFY, { token: spare })).verifyEmail).toMatchObject({
      kind: 'CUSTOMER',
      emailVerified: true,
    });
  });
});

describe('refresh tokens', () => {
  it("replayed inside the grace period answer with the same successor, and the session stays the owner's", async () => {
    const ann = await register(anonymous, 'ann');
    const { refreshSession: lost } = await anonymous.ok(REFRESH, { token: ann.refreshToken });
    const { refreshSession: retried } = await anonymous.ok(REFRESH, { token: ann.refreshToken });
    expect(retried.refreshToken).toBe(lost.refreshToken);
    const { refreshSession: next } = await anonymous.ok(REFRESH, { token: lost.refreshToken });
    expect((await anonymous.withToken(next.accessToken).ok(ME)).me.handle).toBe('ann');
  });

  it('replayed after their successor was used revoke the whole family, audited', async () => {
    const bob = await register(anonymous, 'bob');
    const { refreshSession: second } = await anonymous.ok(REFRESH, { token: bob.refreshToken });
    const { refreshSession: third } = await anonymous.ok(REFRESH, { token: second.refreshToken });
    expect(await anonymous.errorCode(REFRESH, { token: bob.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await anonymous.errorCode(REFRESH, { token: third.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await auditActions(bob.user.id)).toContain('REFRESH_TOKEN_REUSED');
  });

  it('used once revoked (after logout) revoke the family again and are audited', async () => {
    const cleo = await register(anonymous, 'cleo');
    await anonymous.ok(LOGOUT, { t: cleo.refreshToken });
    expect(await anonymous.errorCode(REFRESH, { token: cleo.refreshToken })).toBe('UNAUTHENTICATED');
    expect(await auditActions(cleo.user.id)).toContain('REFRESH_TOKEN_REUSED');
  });
});

describe('after a change to who someone is, their old access token', () => {
  it('says to refresh after verifyEmail, and the refreshed one carries the verified address', async () => {
    const dina = await register(anonymous, 'dina', 'dina@customer.test');
    const [link] = await verificationLinks('dina@customer.test', 1);
    await anonymous.ok(VERIFY, { token: link });
    await expectOutdated(anonymous.withToken(dina.accessToken));
    const { refreshSession } = await anonymous.ok(REFRESH, { token: dina.refreshToken });
    expect(claims(refreshSession.accessToken).ev).toBe(true);
    expect((await anonymous.withToken(refreshSession.accessToken).ok(ME)).me.emailVerified).toBe(true);
  });

  it('says to refresh after grantRole and after revokeRole, and the refreshed one carries the change', async () => {
    const { createInvitation } = await admin.ok(INVITE, { email: 'finn@kern-corp.test' });
    const finn = await register(anonymous, 'finn', 'finn@kern-corp.test', { invitationToken: createInvitation.token });

    await admin.ok(GRANT, { id: finn.user.id });
    await expectOutdated(anonymous.withToken(finn.accessToken));
    const { refreshSession: granted } = await anonymous.ok(REFRESH, { token: finn.refreshToken });
    expect(claims(granted.accessToken).roles).toEqual(['COMMUNITY_MANAGER']);

    await admin.ok(REVOKE, { id: finn.user.id });
    await expectOutdated(anonymous.withToken(granted.accessToken));
    const { refreshSession: revoked } = await anonymous.ok(REFRESH, { token: granted.refreshToken });
    expect(claims(revoked.accessToken).roles).toEqual([]);
    expect((await anonymous.withToken(revoked.accessToken).ok(ME)).me.roles).toEqual([]);
  });
});
