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
  createdAt: Date;
}

export type NewUser = Omit<UserRecord, 'id' | 'createdAt'>;
