import {
  KernStack,
  queryDatabase,
  readOutbox,
  startSmtpServer,
  waitFor,
  waitForMail,
  type GraphQLClient,
  type TestSmtpServer,
} from '@kern/testing';
import { createHash } from 'node:crypto';
import { login, ME, PASSWORD, REFRESH, register, REGISTER, tokenInLink } from './operations';

const ADMIN = { email: 'root@kern-corp.test', password: 'admin password 1' };
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { handle kind emailVerified } }`;
const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id email kind token expiresAt } }`;
const GRANT = `mutation($id: ID!, $role: PlatformRole!) { grantRole(userId: $id, role: $role) { roles } }`;

describe('becoming an employee, with mail through the development outbox', () => {
  let stack: KernStack;
  let anonymous: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    stack = await KernStack.start({
      env: {
        KERN_ADMIN_EMAIL: ADMIN.email,
        KERN_ADMIN_PASSWORD: ADMIN.password,
        KERN_EMPLOYEE_DOMAINS: 'kern-corp.test, kern.example',
      },
    });
    anonymous = stack.graphql;
    admin = anonymous.withToken((await login(anonymous, ADMIN.email, ADMIN.password)).accessToken);
  });
  afterAll(() => stack?.stop());

  const mailTo = (email: string) => waitForMail(stack.outboxDir, (mail) => mail.to === email);

  describe('by invitation', () => {
    it('gives the invited kind at once, with the address taken as verified', async () => {
      const { createInvitation } = await admin.ok(INVITE, {
        input: { email: 'ivy@partner.example', kind: 'EMPLOYEE' },
      });
      expect(createInvitation).toMatchObject({
        email: 'ivy@partner.example',
        kind: 'EMPLOYEE',
        token: expect.stringMatching(/^kern_inv_/),
      });
      expect(new Date(createInvitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
      expect((await mailTo('ivy@partner.example')).text).toContain(createInvitation.token);

      const ivy = await register(anonymous, 'ivy', 'Ivy@Partner.example', { invitationToken: createInvitation.token });
      expect(ivy.user).toMatchObject({ kind: 'EMPLOYEE', emailVerified: true });
    });

    it('is single-use: a second registration with the same token is refused', async () => {
      const { createInvitation } = await admin.ok(INVITE, { input: { email: 'jack@example.com', kind: 'EMPLOYEE' } });
      await register(anonymous, 'jack', 'jack@example.com', { invitationToken: createInvitation.token });
      const again = {
        email: 'jack@example.com',
        password: PASSWORD,
        displayName: 'Jack 2',
        handle: 'jack2',
        invitationToken: createInvitation.token,
      };
      const response = await anonymous.request(REGISTER, { input: again });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'invitationToken' }],
      });
      const other = { ...again, email: 'jack2@example.com' };
      expect(await anonymous.errorCode(REGISTER, { input: other })).toBe('BAD_USER_INPUT');
    });

    it('works only for the invited address, and not after it expired; no account is left behind', async () => {
      const { createInvitation: invitation } = await admin.ok(INVITE, {
        input: { email: 'kim@example.com', kind: 'EMPLOYEE' },
      });
      const impostor = {
        email: 'mallory@example.com',
        password: PASSWORD,
        displayName: 'M',
        handle: 'mallory',
        invitationToken: invitation.token,
      };
      expect(await anonymous.errorCode(REGISTER, { input: impostor })).toBe('BAD_USER_INPUT');
      expect(await anonymous.errorCode(`{ user(handle: "mallory") { id } }`)).toBe('NOT_FOUND');

      await queryDatabase(
        stack.database.url,
        `UPDATE identity.invitations SET expires_at = now() - interval '1 second' WHERE email = 'kim@example.com'`,
      );
      const late = {
        email: 'kim@example.com',
        password: PASSWORD,
        displayName: 'Kim',
        handle: 'kim',
        invitationToken: invitation.token,
      };
      expect(await anonymous.errorCode(REGISTER, { input: late })).toBe('BAD_USER_INPUT');
    });

    it('stores only a hash of the token', async () => {
      const { createInvitation } = await admin.ok(INVITE, { input: { email: 'lou@example.com', kind: 'CUSTOMER' } });
      const rows = await queryDatabase<{ token_hash: string }>(
        stack.database.url,
        `SELECT token_hash FROM identity.invitations WHERE email = 'lou@example.com'`,
      );
      expect(rows).toEqual([{ token_hash: createHash('sha256').update(createInvitation.token).digest('hex') }]);
      const dump = await queryDatabase<{ dump: string }>(
        stack.database.url,
        `SELECT string_agg(t::text, ' ') AS dump FROM identity.invitations t`,
      );
      expect(dump[0].dump).not.toContain(createInvitation.token);
    });

    it('may be sent by community managers, not by customers or other employees', async () => {
      const cody = await register(anonymous, 'cody');
      expect(
        await anonymous
          .withToken(cody.accessToken)
          .errorCode(INVITE, { input: { email: 'x@example.com', kind: 'EMPLOYEE' } }),
      ).toBe('FORBIDDEN');

      const { createInvitation: sent } = await admin.ok(INVITE, {
        input: { email: 'carl@kern-corp.test', kind: 'EMPLOYEE' },
      });
      const carl = await register(anonymous, 'carl', 'carl@kern-corp.test', { invitationToken: sent.token });
      expect(
        await anonymous
          .withToken(carl.accessToken)
          .errorCode(INVITE, { input: { email: 'x@example.com', kind: 'EMPLOYEE' } }),
      ).toBe('FORBIDDEN');

      await admin.ok(GRANT, { id: carl.user.id, role: 'COMMUNITY_MANAGER' });
      const manager = anonymous.withToken((await login(anonymous, 'carl@kern-corp.test')).accessToken);
      const { createInvitation } = await manager.ok(INVITE, { input: { email: 'y@example.com', kind: 'EMPLOYEE' } });
      expect(createInvitation.kind).toBe('EMPLOYEE');
    });

    it('answers NOT_FOUND for space ids that are not space ids', async () => {
      expect(
        await admin.errorCode(INVITE, { input: { email: 'z@example.com', kind: 'EMPLOYEE', spaceIds: ['bogus'] } }),
      ).toBe('NOT_FOUND');
    });
  });

  describe('by a verified address on an employee domain', () => {
    it('registers a CUSTOMER with a pending verification, and the link makes an EMPLOYEE', async () => {
      const nina = await register(anonymous, 'nina', 'nina@kern-corp.test');
      expect(nina.user).toMatchObject({ kind: 'CUSTOMER', emailVerified: false });

      const mail = await mailTo('nina@kern-corp.test');
      expect(mail.subject).toBe('Confirm your e-mail address for Kern');
      const token = tokenInLink(mail.text, 'token');
      expect((await anonymous.ok(VERIFY, { token })).verifyEmail).toEqual({
        handle: 'nina',
        kind: 'EMPLOYEE',
        emailVerified: true,
      });

      const { me } = await anonymous.withToken((await login(anonymous, 'nina@kern-corp.test')).accessToken).ok(ME);
      expect(me).toMatchObject({ kind: 'EMPLOYEE', emailVerified: true });
    });

    it('uses each link once', async () => {
      await register(anonymous, 'omar', 'omar@kern.example');
      const token = tokenInLink((await mailTo('omar@kern.example')).text, 'token');
      await anonymous.ok(VERIFY, { token });
      expect(await anonymous.errorCode(VERIFY, { token })).toBe('BAD_USER_INPUT');
      expect(await anonymous.errorCode(VERIFY, { token: 'kern_ev_made-up' })).toBe('BAD_USER_INPUT');
    });

    it('verifies a customer elsewhere without making them an employee', async () => {
      await register(anonymous, 'pia', 'pia@customer.example');
      const token = tokenInLink((await mailTo('pia@customer.example')).text, 'token');
      expect((await anonymous.ok(VERIFY, { token })).verifyEmail).toEqual({
        handle: 'pia',
        kind: 'CUSTOMER',
        emailVerified: true,
      });
    });

    it('does not take a look-alike domain for the company one', async () => {
      await register(anonymous, 'quinn', 'quinn@evil-kern-corp.test');
      const token = tokenInLink((await mailTo('quinn@evil-kern-corp.test')).text, 'token');
      expect((await anonymous.ok(VERIFY, { token })).verifyEmail.kind).toBe('CUSTOMER');
    });

    it('sends a new link on request, and none once verified', async () => {
      const rita = await register(anonymous, 'rita', 'rita@kern-corp.test');
      const asRita = anonymous.withToken(rita.accessToken);
      expect(await asRita.ok(`mutation { resendVerificationEmail }`)).toEqual({ resendVerificationEmail: true });
      const mails = await waitFor(
        async () => {
          const forRita = (await readOutbox(stack.outboxDir)).filter((mail) => mail.to === 'rita@kern-corp.test');
          return forRita.length === 2 && forRita;
        },
        { what: 'two verification mails for rita' },
      );
      await anonymous.ok(VERIFY, { token: tokenInLink(mails[1].text, 'token') });
      // The confirmation outdates rita's access token; the refreshed one knows the address is confirmed.
      const { refreshSession } = await anonymous.ok(REFRESH, { token: rita.refreshToken });
      expect(await anonymous.withToken(refreshSession.accessToken).ok(`mutation { resendVerificationEmail }`)).toEqual({
        resendVerificationEmail: false,
      });
    });
  });
});

describe('verification mail through a real SMTP server', () => {
  let stack: KernStack;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await KernStack.start({
      without: ['spaces', 'threads', 'expertise'],
      env: {
        SMTP_URL: smtp.url.replace('smtp://', 'smtp://kern:secret@'),
        MAIL_FROM: 'Kern <no-reply@kern-corp.test>',
        KERN_EMPLOYEE_DOMAINS: 'kern-corp.test',
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  it('delivers the link over SMTP, and the link makes an employee', async () => {
    await register(stack.graphql, 'sam', 'sam@kern-corp.test');
    const mail = await waitFor(() => smtp.messages.find((message) => message.to.includes('sam@kern-corp.test')), {
      what: 'the SMTP message',
    });
    expect(mail.from).toBe('no-reply@kern-corp.test');
    expect(mail.subject).toBe('Confirm your e-mail address for Kern');
    const { verifyEmail } = await stack.graphql.ok(VERIFY, { token: tokenInLink(mail.text, 'token') });
    expect(verifyEmail).toEqual({ handle: 'sam', kind: 'EMPLOYEE', emailVerified: true });
  });
});
