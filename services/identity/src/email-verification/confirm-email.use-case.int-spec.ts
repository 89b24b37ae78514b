import { SetUserKindUseCase } from '../admin/set-user-kind.use-case';
import { RegisterUserUseCase } from '../registration/register-user.use-case';
import { IdentityMedium, PASSWORD, unique, uniqueAddress } from '../test/identity-medium';
import { sessionPrincipal } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { ConfirmEmailUseCase } from './confirm-email.use-case';
import { ResendVerificationUseCase } from './resend-verification.use-case';

/** KERN_EMPLOYEE_DOMAINS in the medium tier. */
const COMPANY = 'kern.example';

describe('confirming an address, on real PostgreSQL with mail captured', () => {
  let identity: IdentityMedium;
  let confirm: ConfirmEmailUseCase;

  async function registered(domain: string, email = `${unique('reg')}@${domain}`) {
    const before = (await identity.mails()).filter((mail) => mail.to === email).length;
    const session = await identity.get(RegisterUserUseCase).execute({
      email,
      password: PASSWORD,
      displayName: 'Registrant',
      handle: unique('reg'),
      clientAddress: uniqueAddress(),
    });
    await identity.mailSettled();
    const mails = (await identity.mails()).filter((mail) => mail.to === email);
    expect(mails).toHaveLength(before + 1);
    const link = IdentityMedium.linkToken(mails[mails.length - 1]);
    return { userId: session.user.id, email, link };
  }

  /** Asks for another link and returns it (the first one stays valid). */
  async function anotherLink(userId: string, email: string) {
    const before = (await identity.mails()).filter((mail) => mail.to === email).length;
    const user = await identity.get(UsersRepository).findById(userId);
    expect(await identity.get(ResendVerificationUseCase).execute(sessionPrincipal(user!))).toEqual({ sent: true });
    await identity.mailSettled();
    const mails = (await identity.mails()).filter((mail) => mail.to === email);
    expect(mails).toHaveLength(before + 1);
    return IdentityMedium.linkToken(mails[mails.length - 1]);
  }

  const tokenVersion = async (userId: string) => (await identity.get(UsersRepository).findById(userId))!.tokenVersion;

  beforeAll(async () => {
    identity = await IdentityMedium.start({ KERN_EMPLOYEE_DOMAINS: COMPANY });
    confirm = identity.get(ConfirmEmailUseCase);
  });
  afterAll(() => identity?.stop());

  it('makes a CUSTOMER on a company domain an EMPLOYEE, and ends the access tokens issued before', async () => {
    const { userId, link } = await registered(COMPANY);
    const before = await tokenVersion(userId);
    const user = await confirm.execute({ token: link });
    expect(user).toMatchObject({ id: userId, kind: 'EMPLOYEE', emailVerified: true });
    expect(await tokenVersion(userId)).toBe(before + 1);
    const audited = (await identity.auditOf('EMAIL_VERIFIED')).filter((entry) => entry.subjectUserId === userId);
    expect(audited.map((entry) => entry.details)).toEqual([{ becameEmployee: true }]);
  });

  it('confirms a customer elsewhere without making them an employee, nor on a look-alike domain', async () => {
    for (const domain of ['example.com', `not${COMPANY}`, `${COMPANY}.evil.example`]) {
      const { link } = await registered(domain);
      expect(await confirm.execute({ token: link })).toMatchObject({ kind: 'CUSTOMER', emailVerified: true });
    }
  });

  it('uses each link once', async () => {
    const { link } = await registered('example.com');
    await confirm.execute({ token: link });
    await expect(confirm.execute({ token: link })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: [{ field: 'token' }] },
    });
  });

  it('promotes on the first confirmation only: a spare link afterwards changes nothing', async () => {
    const { userId, email, link } = await registered(COMPANY);
    const spare = await anotherLink(userId, email);
    await confirm.execute({ token: link });
    const version = await tokenVersion(userId);
    expect(await confirm.execute({ token: spare })).toMatchObject({ kind: 'EMPLOYEE', emailVerified: true });
    expect(await tokenVersion(userId)).toBe(version);
    expect((await identity.auditOf('EMAIL_VERIFIED')).filter((entry) => entry.subjectUserId === userId)).toHaveLength(
      1,
    );
  });

  it("keeps an admin's demotion: the demoted employee's spare link no longer works", async () => {
    const { userId, email, link } = await registered(COMPANY);
    const spare = await anotherLink(userId, email);
    await confirm.execute({ token: link });
    await identity.get(SetUserKindUseCase).execute({ userId, kind: 'CUSTOMER' }, await identity.admin());
    await expect(confirm.execute({ token: spare })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await identity.get(UsersRepository).findById(userId))?.kind).toBe('CUSTOMER');
  });

  it('answers CONFLICT when another account confirmed the address first', async () => {
    const email = `${unique('both')}@example.com`;
    const first = await registered('example.com', email);
    const second = await registered('example.com', email);
    await confirm.execute({ token: first.link });
    await expect(confirm.execute({ token: second.link })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ field: 'email' }] },
    });
    expect((await identity.get(UsersRepository).findVerifiedByEmail(email))?.id).toBe(first.userId);
  });

  it('sends no new link once the address is confirmed', async () => {
    const { userId, link } = await registered('example.com');
    await confirm.execute({ token: link });
    const user = await identity.get(UsersRepository).findById(userId);
    expect(await identity.get(ResendVerificationUseCase).execute(sessionPrincipal(user!))).toEqual({ sent: false });
  });
});
