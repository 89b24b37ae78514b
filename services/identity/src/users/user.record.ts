import type { MemberKind, PlatformRole } from '@kern/contracts';

/** A user as the repository returns it: plain data, no ORM behaviour. */
export interface UserRecord {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  kind: MemberKind;
  roles: PlatformRole[];
  passwordHash: string;
  emailVerifiedAt: Date | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  /** Access tokens carry it; raising it revokes every access token issued before. */
  tokenVersion: number;
  tokenVersionChangedAt: Date | null;
  createdAt: Date;
}

export type NewUser = Pick<
  UserRecord,
  'email' | 'handle' | 'displayName' | 'kind' | 'roles' | 'passwordHash' | 'emailVerifiedAt'
>;
