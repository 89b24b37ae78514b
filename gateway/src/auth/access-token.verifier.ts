import { ACCESS_TOKEN, ANONYMOUS, ErrorCode, Principal } from '@kern/contracts';
import { DomainError, unauthenticated } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { SigningKeyStore } from './signing-key.store';

/**
 * Turns an `Authorization` header into the principal every service call carries. Only EdDSA tokens
 * from Kern's identity service for this API are accepted: no `none`, no algorithm switching, and
 * issuer, audience and expiry are always checked.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(private readonly keys: SigningKeyStore) {}

  async principalFor(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  private async verify(token: string): Promise<Principal> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw unauthenticated('The access token is malformed');
    }
    const keys = await this.keys.resolverFor(kid).catch(() => {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Access tokens cannot be verified right now');
    });
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN.algorithm],
        issuer: ACCESS_TOKEN.issuer,
        audience: ACCESS_TOKEN.audience,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const principal = Principal.safeParse({ kind: payload.kind, userId: payload.sub, roles: payload.roles, scopes: payload.scopes });
      if (!principal.success || principal.data.kind === 'ANONYMOUS') throw new Error('claims do not describe a user');
      return principal.data;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'The access token has expired' : 'The access token is invalid');
    }
  }
}
