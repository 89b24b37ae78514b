import { z } from 'zod';
import { durableEvent, event } from './event';
import { healthRpc } from './health';
import { ApiScope, MemberKind, PlatformRole, type UserPrincipal } from './principal';
import { rpc } from './rpc';
import { visibleText } from './visible-text';

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be a valid e-mail address' }));
/** Length is the only composition rule (NIST 800-63B); common passwords are refused by the service. */
const Password = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');
const Handle = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]{1,28}[A-Za-z0-9_]$/,
    'must be 3-30 letters, digits, "_", "." or "-", starting and ending with a letter, digit or "_"',
  );
const DisplayName = visibleText({ min: 1, max: 80 });
const Secret = z.string().trim().min(1, 'must not be empty').max(200);
/** Where the request came from, as the gateway saw it (the socket, or a trusted proxy's header). */
const ClientAddress = z.string().max(64).optional();
const UserId = z.object({ userId: z.uuid() });

export interface UserReply {
  id: string;
  handle: string;
  displayName: string;
  kind: MemberKind;
  /** Only for the user themself and platform admins; null for everyone else. */
  email: string | null;
  /** Only for the user themself and platform admins; null for everyone else. */
  emailVerified: boolean | null;
  roles: PlatformRole[];
  /** Only for platform admins; null for everyone else. */
  suspended: boolean | null;
  createdAt: string;
}

export interface SessionReply {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
  user: UserReply;
}

export interface InvitationReply {
  id: string;
  email: string;
  kind: MemberKind;
  /** Shown once, to the inviter. */
  token: string;
  expiresAt: string;
}

export interface ApiTokenReply {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AuditEventReply {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  subjectUserId: string | null;
  clientAddress: string | null;
  details: Record<string, unknown>;
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

/** Access tokens of `userId` older than `minTokenVersion` no longer count, until `expiresAt` makes them moot. */
export const AccessRevocation = z.object({
  userId: z.uuid(),
  minTokenVersion: z.number().int(),
  expiresAt: z.iso.datetime(),
});
export type AccessRevocation = z.infer<typeof AccessRevocation>;

export const identity = {
  health: healthRpc('identity'),
  /**
   * The same kind of answer whether or not the address has an account: a session for a new,
   * unconfirmed account (the owner of a taken address is mailed instead of a link). RATE_LIMITED per
   * client address, and with reason BUSY when too many passwords are being hashed.
   */
  register: rpc<SessionReply>()(
    'identity.user.register',
    z.object({
      email: Email,
      password: Password,
      displayName: DisplayName,
      handle: Handle,
      invitationToken: Secret.optional(),
      clientAddress: ClientAddress,
    }),
  ),
  /** Signs in to a confirmed address only; one UNAUTHENTICATED message for every failure. */
  login: rpc<SessionReply>()(
    'identity.session.login',
    z.object({
      email: z.string().trim().toLowerCase().max(254),
      password: z.string().max(256),
      clientAddress: ClientAddress,
    }),
  ),
  refreshSession: rpc<SessionReply>()(
    'identity.session.refresh',
    z.object({ refreshToken: Secret, clientAddress: ClientAddress }),
  ),
  logout: rpc<{ revoked: boolean }>()('identity.session.logout', z.object({ refreshToken: Secret })),
  verifyEmail: rpc<UserReply>()('identity.email-verification.confirm', z.object({ token: Secret })),
  resendVerification: rpc<{ sent: boolean }>()('identity.email-verification.resend', z.object({})),
  getUser: rpc<UserReply>()(
    'identity.user.get',
    z.union([z.object({ id: z.uuid() }).strict(), z.object({ handle: z.string().trim().min(1).max(30) }).strict()]),
  ),
  /** Unknown ids are left out. */
  getUsers: rpc<{ users: UserReply[] }>()(
    'identity.user.get-many',
    z.object({ ids: z.array(z.uuid()).max(100) }).strict(),
  ),
  /**
   * For services deciding who may be shown or notified: each user's kind and whether they are
   * suspended (which `getUsers` shows admins only). Not exposed by the gateway.
   */
  getStandings: rpc<{ users: Array<{ id: string; kind: MemberKind; suspended: boolean }> }>()(
    'identity.user.standings',
    z.object({ ids: z.array(z.uuid()).max(1000) }).strict(),
  ),
  /** How many employees and customers there are (suspended ones left out): for platform admins and community managers. */
  countUsers: rpc<{ employees: number; customers: number }>()('identity.user.count', z.object({}).strict()),
  createInvitation: rpc<InvitationReply>()(
    'identity.invitation.create',
    z.object({ email: Email, kind: MemberKind, spaceIds: z.array(z.uuid()).max(50).default([]) }),
  ),
  createApiToken: rpc<ApiTokenReply & { token: string }>()(
    'identity.api-token.create',
    z.object({
      name: visibleText({ min: 1, max: 100 }),
      scopes: z.array(ApiScope).min(1, 'must name at least one scope').max(2),
    }),
  ),
  revokeApiToken: rpc<{ revoked: boolean }>()('identity.api-token.revoke', z.object({ id: z.uuid() })),
  listApiTokens: rpc<{ tokens: ApiTokenReply[] }>()('identity.api-token.list', z.object({})),
  /** For the gateway: who an API token acts for, and with which scopes. Records the token's use. */
  authenticateApiToken: rpc<{ principal: UserPrincipal }>()(
    'identity.api-token.authenticate',
    z.object({ token: Secret }),
  ),
  setUserKind: rpc<UserReply>()('identity.user.set-kind', UserId.extend({ kind: MemberKind })),
  grantRole: rpc<UserReply>()('identity.user.grant-role', UserId.extend({ role: PlatformRole })),
  revokeRole: rpc<UserReply>()('identity.user.revoke-role', UserId.extend({ role: PlatformRole })),
  suspendUser: rpc<UserReply>()('identity.user.suspend', UserId.extend({ reason: visibleText({ min: 1, max: 500 }) })),
  unsuspendUser: rpc<UserReply>()('identity.user.unsuspend', UserId),
  listAuditEvents: rpc<{ events: AuditEventReply[]; hasNextPage: boolean }>()(
    'identity.audit-event.list',
    z.object({ first: z.number().int().min(1).max(100), after: z.string().max(200).optional() }),
  ),
  listSigningKeys: rpc<{ keys: PublicSigningKey[] }>()('identity.signing-key.list', z.object({}).strict()),
  rotateSigningKey: rpc<{ kid: string }>()('identity.signing-key.rotate', z.object({}).strict()),
  /** For the gateway, at start and periodically: revocations still in force, in case it missed an event. */
  listAccessRevocations: rpc<{ revocations: AccessRevocation[] }>()(
    'identity.access-revocation.list',
    z.object({}).strict(),
  ),
} as const;

export const identityEvents = {
  /** A user's access tokens issued so far stop working (kind changed, suspended, role revoked). */
  accessRevoked: event('identity.access.revoked', AccessRevocation),
  /** New access tokens are signed with a new key: fetch the public keys again before they arrive. */
  signingKeyRotated: event('identity.signing-key.rotated', z.object({ kid: z.string() })),
  /** Someone registered with an invitation: the spaces service adds them to the invitation's spaces. */
  invitationAccepted: durableEvent(
    'identity.invitation.accepted',
    1,
    z.object({
      invitationId: z.uuid(),
      userId: z.uuid(),
      kind: MemberKind,
      spaceIds: z.array(z.uuid()),
      invitedBy: z.uuid(),
    }),
  ),
} as const;

/** What the access tokens the identity service issues are signed for. */
export const ACCESS_TOKEN = {
  issuer: 'kern-identity',
  audience: 'kern-api',
  algorithm: 'EdDSA',
  type: 'at+jwt',
} as const;
/** Recognisable prefixes let secret scanners find leaked credentials. */
export const TOKEN_PREFIX = {
  apiToken: 'kern_pat_',
  refreshToken: 'kern_rt_',
  invitation: 'kern_inv_',
  emailVerification: 'kern_ev_',
} as const;
