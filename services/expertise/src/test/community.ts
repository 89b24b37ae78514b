import { identity, type MemberKind, type PlatformRole, spaces, type UserPrincipal } from '@kern/contracts';
import type { FakeServiceClient } from '@kern/testing';
import { randomUUID } from 'node:crypto';

interface Member {
  principal: UserPrincipal;
  suspended: boolean;
  /** The spaces this member may read, as the spaces service would say. */
  readable: string[];
}

/**
 * The people of a medium test as the other services know them: identity answers their kind and
 * standing, spaces the spaces each may read. Anyone not added is unknown to identity.
 */
export class Community {
  private readonly members = new Map<string, Member>();

  constructor(services: FakeServiceClient) {
    services
      .answer(identity.getStandings, ({ ids }) => ({
        users: ids.flatMap((id) => {
          const member = this.members.get(id);
          return member ? [{ id, kind: member.principal.kind, suspended: member.suspended }] : [];
        }),
      }))
      .answer(spaces.readableSpaces, (_payload, principal) => ({
        spaceIds: principal.kind === 'ANONYMOUS' ? [] : (this.members.get(principal.userId)?.readable ?? []),
      }));
  }

  employee(options: MemberOptions = {}): UserPrincipal {
    return this.add('EMPLOYEE', options);
  }

  customer(options: MemberOptions = {}): UserPrincipal {
    return this.add('CUSTOMER', options);
  }

  suspend(principal: UserPrincipal) {
    this.members.get(principal.userId)!.suspended = true;
  }

  /** Identity changed the member's kind (an employee who left the company, say). */
  becomes(principal: UserPrincipal, kind: MemberKind) {
    this.members.get(principal.userId)!.principal = { ...principal, kind };
  }

  private add(kind: MemberKind, options: MemberOptions): UserPrincipal {
    const principal: UserPrincipal = {
      kind,
      userId: randomUUID(),
      roles: options.roles ?? [],
      scopes: ['READ', 'WRITE'],
      emailVerified: true,
      credential: 'ACCESS_TOKEN',
    };
    this.members.set(principal.userId, { principal, suspended: false, readable: options.reads ?? [] });
    return principal;
  }
}

interface MemberOptions {
  roles?: PlatformRole[];
  reads?: string[];
}

/** A unique topic slug, so tests sharing one database never collide. */
export function slug(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}
