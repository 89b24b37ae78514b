import { TOKEN_PREFIX } from '@kern/contracts';
import { hashToken } from '../common/tokens';
import { IdentityMedium } from '../test/identity-medium';
import { sessionPrincipal } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { AuthenticateApiTokenUseCase } from './authenticate-api-token.use-case';
import { CreateApiTokenUseCase } from './create-api-token.use-case';
import { ListApiTokensUseCase } from './list-api-tokens.use-case';
import { RevokeApiTokenUseCase } from './revoke-api-token.use-case';

describe('API tokens, on real PostgreSQL', () => {
  let identity: IdentityMedium;
  let authenticate: AuthenticateApiTokenUseCase;

  async function ownerWithToken(scopes: Array<'READ' | 'WRITE'> = ['READ']) {
    const owner = await identity.givenUser({ passwordHash: 'unused' });
    const created = await identity
      .get(CreateApiTokenUseCase)
      .execute({ name: 'integration', scopes }, sessionPrincipal(owner));
    return { owner, created };
  }

  const lastUsedAt = async (id: string) =>
    (
      await identity.database.query<Array<{ lastUsedAt: Date | null }>>(
        `SELECT last_used_at AS "lastUsedAt" FROM identity.api_tokens WHERE id = $1`,
        [id],
      )
    )[0].lastUsedAt;

  beforeAll(async () => {
    identity = await IdentityMedium.start();
    authenticate = identity.get(AuthenticateApiTokenUseCase);
  });
  afterAll(() => identity?.stop());

  it('shows the secret once, stores only its hash, and acts as the owner with the token scopes', async () => {
    const { owner, created } = await ownerWithToken(['READ', 'READ']);
    expect(created.token.startsWith(TOKEN_PREFIX.apiToken)).toBe(true);
    expect(created.scopes).toEqual(['READ']);
    const stored = await identity.database.query<Array<{ token_hash: string }>>(
      `SELECT token_hash FROM identity.api_tokens WHERE id = $1`,
      [created.id],
    );
    expect(stored).toEqual([{ token_hash: hashToken(created.token) }]);
    expect(await authenticate.execute({ token: created.token })).toEqual({
      principal: expect.objectContaining({ userId: owner.id, scopes: ['READ'], credential: 'API_TOKEN' }) as object,
    });
  });

  it('records a use at most once a minute', async () => {
    const { created } = await ownerWithToken();
    await authenticate.execute({ token: created.token });
    const first = await lastUsedAt(created.id);
    expect(first).toBeInstanceOf(Date);
    await authenticate.execute({ token: created.token });
    expect(await lastUsedAt(created.id)).toEqual(first);
    await identity.database.query(
      `UPDATE identity.api_tokens SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1`,
      [created.id],
    );
    await authenticate.execute({ token: created.token });
    expect((await lastUsedAt(created.id))!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it('are revoked by their owner only (NOT_FOUND for anyone else), and stop working at once', async () => {
    const { owner, created } = await ownerWithToken();
    const other = await identity.givenUser({ passwordHash: 'unused' });
    const revoke = identity.get(RevokeApiTokenUseCase);
    await expect(revoke.execute({ id: created.id }, sessionPrincipal(other))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await identity.get(ListApiTokensUseCase).execute(sessionPrincipal(owner))).tokens).toHaveLength(1);
    expect(await revoke.execute({ id: created.id }, sessionPrincipal(owner))).toEqual({ revoked: true });
    await expect(authenticate.execute({ token: created.token })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await identity.get(ListApiTokensUseCase).execute(sessionPrincipal(owner))).toEqual({ tokens: [] });
  });

  it('stop working while the owner is suspended, and cannot mint more tokens', async () => {
    const { owner, created } = await ownerWithToken(['READ', 'WRITE']);
    const principal = (await authenticate.execute({ token: created.token })).principal;
    await expect(
      identity.get(CreateApiTokenUseCase).execute({ name: 'successor', scopes: ['WRITE'] }, principal),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await identity.get(UsersRepository).update(owner.id, { suspendedAt: new Date(), suspendedReason: 'spam' });
    await expect(authenticate.execute({ token: created.token })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
