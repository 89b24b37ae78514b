import { eventStreamSubject, identityEvents, spaces, type SpaceReply } from '@kern/contracts';
import { randomUUID } from 'node:crypto';
import { CreateInvitationUseCase } from '../invitations/create-invitation.use-case';
import { LoginUseCase, SIGN_IN_FAILED } from '../sessions/login.use-case';
import { IdentityMedium, PASSWORD, unique, uniqueAddress } from '../test/identity-medium';
import { UsersRepository } from '../users/users.repository';
import { RegisterUserUseCase, type RegisterUserInput } from './register-user.use-case';

const REGISTRATIONS_PER_ADDRESS = 3;

describe('registering, on real PostgreSQL with mail captured', () => {
  let identity: IdentityMedium;
  let register: RegisterUserUseCase;
  const newcomer = (overrides: Partial<RegisterUserInput> = {}): RegisterUserInput => {
    const name = unique('new');
    return {
      email: `${name}@example.com`,
      password: PASSWORD,
      displayName: `Newcomer ${name}`,
      handle: name,
      clientAddress: uniqueAddress(),
      ...overrides,
    };
  };

  beforeAll(async () => {
    identity = await IdentityMedium.start({
      REGISTRATIONS_PER_ADDRESS_PER_HOUR: String(REGISTRATIONS_PER_ADDRESS),
      REGISTRATION_NOTICES_PER_ACCOUNT_PER_DAY: '1',
    });
    register = identity.get(RegisterUserUseCase);
  });
  afterAll(() => identity?.stop());

  it('gives a newcomer a session as a CUSTOMER whose address is unconfirmed, and mails them a link', async () => {
    const input = newcomer();
    const session = await register.execute(input);
    expect(session.user).toMatchObject({ kind: 'CUSTOMER', email: input.email, emailVerified: false, roles: [] });
    expect(session.refreshToken).toMatch(/^kern_rt_/);
    const mail = await identity.mailTo(input.email, /Confirm your e-mail address/);
    expect(IdentityMedium.linkToken(mail)).toMatch(/^kern_ev_/);
  });

  describe('with an address another account has confirmed', () => {
    it('answers as for a new address, mails the owner instead of a link, and the claim never signs in', async () => {
      const owner = await identity.givenUser();
      const claim = newcomer({ email: owner.email.toUpperCase(), password: 'the claimant chose another one' });
      const session = await register.execute(claim);
      expect(session.user).toMatchObject({ kind: 'CUSTOMER', emailVerified: false });

      await identity.mailSettled();
      const toAddress = (await identity.mails()).filter((mail) => mail.to.toLowerCase() === owner.email);
      expect(toAddress.map((mail) => mail.subject)).toEqual(['Someone tried to register on Kern with your address']);
      const login = identity.get(LoginUseCase);
      await expect(login.execute({ email: owner.email, password: claim.password })).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: SIGN_IN_FAILED,
      });
      expect((await login.execute({ email: owner.email, password: PASSWORD })).user.id).toBe(owner.id);
    });

    it('tells the owner at most REGISTRATION_NOTICES_PER_ACCOUNT_PER_DAY times', async () => {
      const owner = await identity.givenUser();
      await register.execute(newcomer({ email: owner.email }));
      await register.execute(newcomer({ email: owner.email }));
      await identity.mailSettled();
      expect((await identity.mails()).filter((mail) => mail.to === owner.email)).toHaveLength(1);
    });
  });

  describe('from one client address', () => {
    it('allows REGISTRATIONS_PER_ADDRESS_PER_HOUR attempts, failed ones included, then RATE_LIMITED with a retry time', async () => {
      const clientAddress = uniqueAddress();
      const taken = await identity.givenUser();
      await register.execute(newcomer({ clientAddress }));
      await expect(register.execute(newcomer({ clientAddress, handle: taken.handle }))).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { fields: [{ field: 'handle' }] },
      });
      await expect(
        register.execute(newcomer({ clientAddress, invitationToken: 'kern_inv_bogus' })),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: [{ field: 'invitationToken' }] },
      });
      const refused = register.execute(newcomer({ clientAddress }));
      await expect(refused).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      const { details } = (await refused.catch((error: unknown) => error)) as {
        details: { retryAfterSeconds: number };
      };
      expect(details.retryAfterSeconds).toBeGreaterThan(3000);
      // Another address is counted apart.
      await expect(register.execute(newcomer())).resolves.toBeDefined();
    });

    it('reserves atomically: of twice the limit arriving together, exactly the limit get an account', async () => {
      const clientAddress = uniqueAddress();
      const attempts = Array.from({ length: REGISTRATIONS_PER_ADDRESS * 2 }, () => newcomer({ clientAddress }));
      const outcomes = await Promise.allSettled(attempts.map((input) => register.execute(input)));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(REGISTRATIONS_PER_ADDRESS);
      expect(
        outcomes.filter(
          (outcome) => outcome.status === 'rejected' && (outcome.reason as { code: string }).code === 'RATE_LIMITED',
        ),
      ).toHaveLength(REGISTRATIONS_PER_ADDRESS);
      const users = identity.get(UsersRepository);
      const made = await Promise.all(attempts.map((input) => users.findByHandle(input.handle)));
      expect(made.filter(Boolean)).toHaveLength(REGISTRATIONS_PER_ADDRESS);
    });
  });

  describe('with an invitation', () => {
    const internal = randomUUID();
    const external = randomUUID();
    const space = (id: string, audience: SpaceReply['audience']) => ({ id, audience }) as SpaceReply;

    beforeAll(() => {
      identity.medium.services.answer(spaces.getSpaces, ({ ids }) => ({
        spaces: [space(internal, 'INTERNAL'), space(external, 'EXTERNAL')].filter((found) => ids.includes(found.id)),
      }));
    });

    async function invite(email: string, kind: 'EMPLOYEE' | 'CUSTOMER' = 'EMPLOYEE') {
      const invitation = await identity
        .get(CreateInvitationUseCase)
        .execute({ email, kind, spaceIds: [internal] }, await identity.admin());
      const mail = await identity.mailTo(email, /You are invited/);
      expect(IdentityMedium.linkToken(mail)).toBe(invitation.token);
      return invitation;
    }

    it('gives the invited kind and the address at once, and records the event for the spaces service', async () => {
      const input = newcomer();
      const invitation = await invite(input.email);
      const session = await register.execute({ ...input, invitationToken: invitation.token });
      expect(session.user).toMatchObject({ kind: 'EMPLOYEE', emailVerified: true });

      const events = (await identity.medium.outbox()).filter(
        (event) => event.subject === eventStreamSubject(identityEvents.invitationAccepted),
      );
      expect(events.map((event) => event.payload)).toContainEqual({
        invitationId: invitation.id,
        userId: session.user.id,
        kind: 'EMPLOYEE',
        spaceIds: [internal],
        invitedBy: (await identity.admin()).userId,
      });
      const accepted = await identity.auditOf('INVITATION_ACCEPTED');
      expect(accepted.map((entry) => entry.subjectUserId)).toContain(session.user.id);
      // Nothing to confirm: no verification link is sent.
      expect((await identity.mails()).filter((mail) => mail.to === input.email)).toHaveLength(1);
    });

    it('is single-use: a second registration with the token is refused and leaves no account', async () => {
      const email = `${unique('twice')}@example.com`;
      const invitation = await invite(email);
      await register.execute({ ...newcomer({ email }), invitationToken: invitation.token });
      const second = newcomer({ email });
      await expect(register.execute({ ...second, invitationToken: invitation.token })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: [{ field: 'invitationToken' }] },
      });
      expect(await identity.get(UsersRepository).findByHandle(second.handle)).toBeNull();
    });

    it('makes one account of two registrations arriving together with one token', async () => {
      const email = `${unique('race')}@example.com`;
      const invitation = await invite(email);
      const racers = [newcomer({ email }), newcomer({ email })];
      const outcomes = await Promise.allSettled(
        racers.map((input) => register.execute({ ...input, invitationToken: invitation.token })),
      );
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      // The loser is refused by whichever it meets first: the used-up token, or the address its
      // rival's account now owns (both insert the address as confirmed, so the second waits on the first).
      const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain((refused.reason as { code: string }).code);
      const users = identity.get(UsersRepository);
      const made = await Promise.all(racers.map((input) => users.findByHandle(input.handle)));
      expect(made.filter(Boolean)).toHaveLength(1);
    });

    it('exempts a valid invitation from a spent address limit, but not one for another address', async () => {
      const clientAddress = uniqueAddress();
      for (let n = 0; n < REGISTRATIONS_PER_ADDRESS; n += 1) await register.execute(newcomer({ clientAddress }));
      const input = newcomer({ clientAddress });
      const invitation = await invite(input.email);
      await expect(
        register.execute({ ...input, email: `${unique('other')}@example.com`, invitationToken: invitation.token }),
      ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      const session = await register.execute({ ...input, invitationToken: invitation.token });
      expect(session.user.kind).toBe('EMPLOYEE');
    });

    it('cannot put a customer into an internal space', async () => {
      await expect(
        identity
          .get(CreateInvitationUseCase)
          .execute(
            { email: `${unique('cust')}@example.com`, kind: 'CUSTOMER', spaceIds: [internal] },
            await identity.admin(),
          ),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'spaceIds' }] } });
    });
  });
});
