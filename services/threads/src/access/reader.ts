import type { Principal, SpaceAccess } from '@kern/contracts';

/** Someone reading one space's threads: what decides which posts and counts they see. */
export interface Reader {
  principal: Principal;
  userId: string | null;
  /** Employees see internal notes; nobody else does, whatever space they are in. */
  employee: boolean;
  moderator: boolean;
}

export function readerOf(principal: Principal, access: SpaceAccess): Reader {
  return {
    principal,
    userId: principal.kind === 'ANONYMOUS' ? null : principal.userId,
    employee: principal.kind === 'EMPLOYEE',
    moderator: access.moderate,
  };
}

/** The query parameters that `visiblePost` and `postColumns` read. */
export const readerParameters = (reader: Reader): unknown[] => [reader.userId, reader.employee, reader.moderator];
