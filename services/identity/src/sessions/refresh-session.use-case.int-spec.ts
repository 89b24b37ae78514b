import { hashToken } from '../common/tokens';
import { IdentityMedium } from '../test/identity-medium';
import { UsersRepository } from '../users/users.repository';
import { LogoutUseCase } from './logout.use-case';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { SessionIssuer } from './session-issuer';

const GRACE_SECONDS = 30;

describe('refreshing a session, on real PostgreSQL', () => {
  let identity: IdentityMedium;
  let refresh: (refreshToken: string) => ReturnType<RefreshSessionUseCase['execute']>;

  /** A signed-in user's refresh token, as a sign-in hands it out. */
  async function signedIn() {
    const user = await identity.givenUser({ passwordHash: 'not used here' });
    const { reply } = await identity.get(SessionIssuer).issue(user);
    return { user, refreshToken: reply.refreshToken };
  }

  /** Moves a rotation into the past, as if the client came back that much later. */
  async function rotatedSecondsAgo(refreshToken: string, seconds: number) {
    await identity.database.query(
      `UPDATE identity.refresh_tokens SET rotated_at = rotated_at - make_interval(secs => $2) WHERE token_hash = $1`,
      [hashToken(refreshToken), seconds],
    );
  }

  const reuses = async (userId: string) =>
    (await identity.auditOf('REFRESH_TOKEN_REUSED')).filter((entry) => entry.subjectUserId === userId);

  beforeAll(async () => {
    identity = await IdentityMedium.start({ REFRESH_TOKEN_REUSE_GRACE_SECONDS: String(GRACE_SECONDS) });
    const useCase = identity.get(RefreshSessionUseCase);
    refresh = (refreshToken) => useCase.execute({ refreshToken });
  });
  afterAll(() => identity?.stop());

  it('rotates: the token is used up and a successor in the same session returned', async () => {
    const { user, refreshToken } = await signedIn();
    const rotated = await refresh(refreshToken);
    expect(rotated.refreshToken).not.toBe(refreshToken);
    expect(rotated.user.id).toBe(user.id);
    const again = await refresh(rotated.refreshToken);
    expect(again.refreshToken).not.toBe(rotated.refreshToken);
  });

  it('answers a replay within the grace period with the same successor, while that successor is unused', async () => {
    const { user, refreshToken } = await signedIn();
    const first = await refresh(refreshToken);
    await rotatedSecondsAgo(refreshToken, GRACE_SECONDS - 5);
    const replayed = await refresh(refreshToken);
    expect(replayed.refreshToken).toBe(first.refreshToken);
    // The session is still the owner's: the successor goes on rotating, and nothing was audited.
    await expect(refresh(first.refreshToken)).resolves.toMatchObject({ user: { id: user.id } });
    expect(await reuses(user.id)).toEqual([]);
  });

  it('answers two refreshes with one token arriving together alike: the same successor, no revocation', async () => {
    const { user, refreshToken } = await signedIn();
    const [one, other] = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(one.refreshToken).toBe(other.refreshToken);
    expect(await reuses(user.id)).toEqual([]);
  });

  it('takes a replay after the successor was used for theft: the whole family ends, audited', async () => {
    const { user, refreshToken } = await signedIn();
    const first = await refresh(refreshToken);
    const second = await refresh(first.refreshToken);
    await expect(refresh(refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'This refresh token was already used; sign in again',
    });
    await expect(refresh(second.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await reuses(user.id)).map((entry) => entry.details.was)).toEqual(['used', 'revoked']);
  });

  it('takes a replay after the grace period for theft, even while the successor is unused', async () => {
    const { user, refreshToken } = await signedIn();
    const first = await refresh(refreshToken);
    await rotatedSecondsAgo(refreshToken, GRACE_SECONDS + 1);
    await expect(refresh(refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await reuses(user.id))[0].details.was).toBe('used');
  });

  it('ends the family at logout; the token presented afterwards is refused and audited', async () => {
    const { user, refreshToken } = await signedIn();
    const first = await refresh(refreshToken);
    expect(await identity.get(LogoutUseCase).execute({ refreshToken: first.refreshToken })).toEqual({ revoked: true });
    await expect(refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await reuses(user.id)).map((entry) => entry.details.was)).toEqual(['revoked']);
    expect(await identity.get(LogoutUseCase).execute({ refreshToken: 'kern_rt_unknown' })).toEqual({ revoked: false });
  });

  it('refuses the token of an account suspended since, and ends its family for good', async () => {
    const { user, refreshToken } = await signedIn();
    const users = identity.get(UsersRepository);
    await users.update(user.id, { suspendedAt: new Date(), suspendedReason: 'spam' });
    await expect(refresh(refreshToken)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await users.update(user.id, { suspendedAt: null, suspendedReason: null });
    await expect(refresh(refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token it never issued', async () => {
    await expect(refresh('kern_rt_made-up')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The refresh token is invalid or expired',
    });
  });
});
