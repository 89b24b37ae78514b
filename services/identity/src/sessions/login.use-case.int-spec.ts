import { IdentityMedium, PASSWORD, unique, uniqueAddress } from '../test/identity-medium';
import { LoginUseCase, SIGN_IN_FAILED } from './login.use-case';

const FREE_FAILURES = 3;
const PER_ADDRESS = 6;
const WRONG = 'not the password at all';

describe('signing in, on real PostgreSQL', () => {
  let identity: IdentityMedium;
  let login: LoginUseCase;
  const failedSignIns = async (email: string) =>
    (await identity.auditOf('LOGIN_FAILED')).filter((entry) => entry.details.email === email).length;

  beforeAll(async () => {
    identity = await IdentityMedium.start({
      LOGIN_FREE_FAILURES: String(FREE_FAILURES),
      LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS),
    });
    login = identity.get(LoginUseCase);
  });
  afterAll(() => identity?.stop());

  it('answers one message for a wrong password, an unknown address and an unconfirmed claim, and audits each', async () => {
    const user = await identity.givenUser();
    const claim = await identity.givenUser({ emailVerifiedAt: null });
    const unknown = `${unique('nobody')}@example.com`;
    for (const attempt of [
      { email: user.email, password: WRONG },
      { email: unknown, password: PASSWORD },
      { email: claim.email, password: PASSWORD },
    ]) {
      await expect(login.execute({ ...attempt, clientAddress: uniqueAddress() })).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: SIGN_IN_FAILED,
      });
      expect(await failedSignIns(attempt.email)).toBe(1);
    }
  });

  it('signs a confirmed account in, and tells a suspended one only once the password is right', async () => {
    const user = await identity.givenUser();
    const session = await login.execute({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(session.user).toMatchObject({ id: user.id, email: user.email, emailVerified: true });

    const suspended = await identity.givenUser({ suspended: true });
    await expect(login.execute({ email: suspended.email, password: WRONG })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(login.execute({ email: suspended.email, password: PASSWORD })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('makes an account wait after LOGIN_FREE_FAILURES, even for the right password, and records the refusal', async () => {
    const user = await identity.givenUser();
    const clientAddress = uniqueAddress();
    for (let n = 0; n < FREE_FAILURES; n += 1) {
      await expect(login.execute({ email: user.email, password: WRONG, clientAddress })).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    await expect(login.execute({ email: user.email, password: PASSWORD, clientAddress })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) as number },
    });
    const throttled = await identity.auditOf('LOGIN_THROTTLED');
    expect(throttled.map((entry) => entry.details)).toContainEqual({ scope: 'account-delay', account: user.email });
  });

  it('evaluates exactly LOGIN_FREE_FAILURES of many wrong passwords arriving together; the rest are RATE_LIMITED', async () => {
    const user = await identity.givenUser();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => login.execute({ email: user.email, password: WRONG })),
    );
    const codes = outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason as { code: string });
    expect(codes.filter((error) => error.code === 'UNAUTHENTICATED')).toHaveLength(FREE_FAILURES);
    expect(codes.filter((error) => error.code === 'RATE_LIMITED')).toHaveLength(12 - FREE_FAILURES);
    expect(await failedSignIns(user.email)).toBe(FREE_FAILURES);
  });

  it("does not lock the owner out: failures elsewhere leave the owner's usual address its own count", async () => {
    const owner = await identity.givenUser();
    const home = uniqueAddress();
    await login.execute({ email: owner.email, password: PASSWORD, clientAddress: home });
    const attacker = uniqueAddress();
    for (let n = 0; n < FREE_FAILURES; n += 1) {
      await login.execute({ email: owner.email, password: WRONG, clientAddress: attacker }).catch(() => undefined);
    }
    await expect(
      login.execute({ email: owner.email, password: PASSWORD, clientAddress: attacker }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await login.execute({ email: owner.email, password: PASSWORD, clientAddress: home })).user.id).toBe(
      owner.id,
    );
  });

  it('caps failures per address over all accounts, except for owners who signed in from it before', async () => {
    const shared = uniqueAddress();
    const regular = await identity.givenUser();
    await login.execute({ email: regular.email, password: PASSWORD, clientAddress: shared });
    const newcomer = await identity.givenUser();
    for (let n = 0; n < PER_ADDRESS; n += 1) {
      await expect(
        login.execute({ email: `${unique('guess')}@example.com`, password: WRONG, clientAddress: shared }),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(
      login.execute({ email: newcomer.email, password: PASSWORD, clientAddress: shared }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('from this address') as string });
    expect((await login.execute({ email: regular.email, password: PASSWORD, clientAddress: shared })).user.id).toBe(
      regular.id,
    );
  });

  it('does not count refused tries against the address: one hammered account cannot spend it for others', async () => {
    const shared = uniqueAddress();
    const target = await identity.givenUser();
    await Promise.allSettled(
      Array.from({ length: PER_ADDRESS * 2 }, () =>
        login.execute({ email: target.email, password: WRONG, clientAddress: shared }),
      ),
    );
    // FREE_FAILURES were evaluated and spent that many of the address's points; the refusals spent none.
    for (let n = 0; n < PER_ADDRESS - FREE_FAILURES; n += 1) {
      await expect(
        login.execute({ email: `${unique('other')}@example.com`, password: WRONG, clientAddress: shared }),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(
      login.execute({ email: `${unique('other')}@example.com`, password: WRONG, clientAddress: shared }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
