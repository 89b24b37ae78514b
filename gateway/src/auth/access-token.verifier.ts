import { ACCESS_TOKEN, ANONYMOUS, identity, Principal, TOKEN_PREFIX } from '@kern/contracts';
import { ServiceClient, serviceUnavailable, unauthenticated } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { z } from 'zod';
import { RevocationStore } from './revocation.store';
import { SigningKeyStore } from './signing-key.store';

const AccessClaims = z.object({
  sub: z.uuid(),
  kind: z.enum(['EMPLOYEE', 'CUSTOMER']),
  roles: z.array(z.enum(['ADMIN', 'COMMUNITY_MANAGER'])),
  ev: z.boolean(),
  ver: z.number().int(),
});

/**
 * Turns an `Authorization` header into the principal every service call carries. Access tokens are
 * verified here without a call: only EdDSA tokens from Kern's identity service for this API (no
 * `none`, no algorithm switching; issuer, audience, type and expiry always checked), and not older
 * than a revocation. API tokens are opaque, so identity is asked for each request that carries one:
 * that makes their revocation count at once.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly keys: SigningKeyStore,
    private readonly revocations: RevocationStore,
    @Inject(ServiceClient) private readonly client: ServiceClient,
  ) {}

  async principalFor(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    const token = match[1];
    if (token.startsWith(TOKEN_PREFIX.apiToken))
      return (await this.client.call(identity.authenticateApiToken, { token }, ANONYMOUS)).principal;
    return this.verifyAccessToken(token);
  }

  private async verifyAccessToken(token: string): Promise<Principal> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw unauthenticated('The access token is malformed');
    }
    const keys = await this.keys.resolverFor(kid).catch(() => {
      throw serviceUnavailable('Access tokens cannot be verified right now');
    });
    let claims: z.infer<typeof AccessClaims>;
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN.algorithm],
        issuer: ACCESS_TOKEN.issuer,
        audience: ACCESS_TOKEN.audience,
        typ: ACCESS_TOKEN.type,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      claims = AccessClaims.parse(payload);
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'The access token has expired' : 'The access token is invalid');
    }
    // The account changed since (verified, a role, kind or suspension): the refreshed token says how.
    if (this.revocations.isRevoked(claims.sub, claims.ver)) {
      throw unauthenticated(
        'This access token predates a change to the account; refresh the session (sign in again if that fails)',
        'TOKEN_OUTDATED',
      );
    }
    return {
      kind: claims.kind,
      userId: claims.sub,
      roles: claims.roles,
      scopes: ['READ', 'WRITE'],
      emailVerified: claims.ev,
      credential: 'ACCESS_TOKEN',
    };
  }
}
