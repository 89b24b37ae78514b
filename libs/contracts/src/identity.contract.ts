import { z } from 'zod';
import { healthRpc } from './health';
import { MemberKind } from './principal';
import { rpc } from './rpc';

const Email = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email({ message: 'must be a valid e-mail address' }));
/** Length is the only composition rule (NIST 800-63B); the identity issue adds a common-password list. */
const Password = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');
const Handle = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]{1,28}[A-Za-z0-9_]$/,
    'must be 3-30 letters, digits, "_", "." or "-", starting and ending with a letter, digit or "_"',
  );
const DisplayName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

export interface UserReply {
  id: string;
  handle: string;
  displayName: string;
  kind: MemberKind;
  /** Only for the user themself and platform admins; null for everyone else. */
  email: string | null;
  createdAt: string;
}

export interface SessionReply {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
  user: UserReply;
}

/** Public half of a token-signing key, as a JWK with its key id. */
export interface PublicSigningKey {
  kid: string;
  kty: string;
  crv?: string;
  x?: string;
  alg: string;
  use: 'sig';
}

export const identity = {
  health: healthRpc('identity'),
  register: rpc<SessionReply>()(
    'identity.user.register',
    z.object({
      email: Email,
      password: Password,
      displayName: DisplayName,
      handle: Handle,
      invitationToken: z.string().optional(),
    }),
  ),
  login: rpc<SessionReply>()(
    'identity.session.login',
    z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(256) }),
  ),
  getUser: rpc<UserReply>()(
    'identity.user.get',
    z.union([z.object({ id: z.uuid() }).strict(), z.object({ handle: z.string().trim().min(1).max(30) }).strict()]),
  ),
  listSigningKeys: rpc<{ keys: PublicSigningKey[] }>()('identity.signing-key.list', z.object({}).strict()),
} as const;

/** What the access tokens the identity service issues are signed for. */
export const ACCESS_TOKEN = { issuer: 'kern-identity', audience: 'kern-api', algorithm: 'EdDSA' } as const;
