import { z } from 'zod';

export const MemberKind = z.enum(['EMPLOYEE', 'CUSTOMER']);
export type MemberKind = z.infer<typeof MemberKind>;

export const PlatformRole = z.enum(['ADMIN', 'COMMUNITY_MANAGER']);
export type PlatformRole = z.infer<typeof PlatformRole>;

export const ApiScope = z.enum(['READ', 'WRITE']);
export type ApiScope = z.infer<typeof ApiScope>;

/**
 * Who is asking. Every service call carries one, and every service decides access from it itself:
 * the gateway is not the only lock on the internal/external boundary.
 */
export const Principal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ANONYMOUS') }),
  z.object({
    kind: MemberKind,
    userId: z.uuid(),
    roles: z.array(PlatformRole),
    scopes: z.array(ApiScope),
    /** Unverified accounts may read but not post. */
    emailVerified: z.boolean(),
    /** An integrator's API token, or an interactive session (access token). */
    credential: z.enum(['ACCESS_TOKEN', 'API_TOKEN']),
  }),
]);
export type Principal = z.infer<typeof Principal>;
export type UserPrincipal = Extract<Principal, { userId: string }>;

export const ANONYMOUS: Principal = Object.freeze({ kind: 'ANONYMOUS' });

export function isAuthenticated(principal: Principal): principal is UserPrincipal {
  return principal.kind !== 'ANONYMOUS';
}

export function hasRole(principal: Principal, ...roles: PlatformRole[]): boolean {
  return isAuthenticated(principal) && roles.some((role) => principal.roles.includes(role));
}

/** Whether the credential allows changing anything (a READ API token does not). */
export function canWrite(principal: Principal): boolean {
  return isAuthenticated(principal) && principal.scopes.includes('WRITE');
}
