import {
  expertise,
  identity,
  type Audience,
  type JoinPolicy,
  type MemberKind,
  type PlatformRole,
  type Principal,
  type SpaceAccess,
  type UserPrincipal,
} from '@kern/contracts';
import { MediumService, waitFor } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { AccessModule } from '../access/access.module';
import { CheckAccessUseCase } from '../access/check-access.use-case';
import { migrations } from '../database/migrations';
import { CreateSpaceUseCase } from '../spaces/create-space.use-case';
import { ArchiveSpaceUseCase } from '../spaces/archive-space.use-case';
import { ApproveMemberUseCase } from './approve-member.use-case';
import { BanMemberUseCase } from './ban-member.use-case';
import { InviteMemberUseCase } from './invite-member.use-case';
import { JoinSpaceUseCase } from './join-space.use-case';
import { LeaveSpaceUseCase } from './leave-space.use-case';
import { MembershipsRepository } from './memberships.repository';
import { RemoveMemberUseCase } from './remove-member.use-case';
import { SetMemberRoleUseCase } from './set-member-role.use-case';
import { UnbanMemberUseCase } from './unban-member.use-case';

/** Joining, leaving, the last owner and bans, on real PostgreSQL; identity and expertise are faked. */

let medium: MediumService;
/** Who identity knows, and as what. */
const kinds = new Map<string, MemberKind>();

beforeAll(async () => {
  medium = await MediumService.start({ schema: 'spaces', migrations, imports: [AccessModule] });
  medium.services
    .answer(identity.getUsers, ({ ids }) => ({
      users: ids
        .filter((id) => kinds.has(id))
        .map((id) => ({
          id,
          handle: id.slice(0, 8),
          displayName: 'Someone',
          kind: kinds.get(id)!,
          email: null,
          emailVerified: null,
          roles: [],
          suspended: null,
          createdAt: new Date(0).toISOString(),
        })),
    }))
    .answer(expertise.resolveTopics, ({ slugs }) => ({ topicIds: slugs.map(() => randomUUID()) }));
});
afterAll(() => medium?.stop());

function person(kind: MemberKind, roles: PlatformRole[] = []): UserPrincipal {
  const userId = randomUUID();
  kinds.set(userId, kind);
  return { kind, userId, roles, scopes: ['READ', 'WRITE'], emailVerified: true, credential: 'ACCESS_TOKEN' };
}
const admin = () => person('EMPLOYEE', ['ADMIN']);

let spaceCount = 0;
/** A space its owner (an admin, unless named) created; they are its one owner. */
async function space(
  audience: Audience,
  joinPolicy: JoinPolicy,
  options: { owner?: UserPrincipal; guidelines?: string } = {},
) {
  const owner = options.owner ?? admin();
  const { id } = await medium.get(CreateSpaceUseCase).execute(
    {
      slug: `space-${++spaceCount}`,
      name: `Space ${spaceCount}`,
      description: '',
      audience,
      joinPolicy,
      topics: ['billing'],
      guidelines: options.guidelines,
    },
    owner,
  );
  return { id, owner };
}

const join = (spaceId: string, principal: Principal, acceptGuidelines?: boolean) =>
  medium.get(JoinSpaceUseCase).execute({ spaceId, acceptGuidelines }, principal);
const leave = (spaceId: string, principal: Principal) => medium.get(LeaveSpaceUseCase).execute({ spaceId }, principal);
const setRole = (spaceId: string, userId: string, role: 'OWNER' | 'MODERATOR' | 'MEMBER', by: Principal) =>
  medium.get(SetMemberRoleUseCase).execute({ spaceId, userId, role }, by);
const membership = (spaceId: string, userId: string) => medium.get(MembershipsRepository).find(spaceId, userId);
/** Whether a query of this test's database waits for a row lock. */
async function waitingForALock(): Promise<boolean> {
  // Asked from inside a transaction, whose first look at pg_stat_activity would otherwise be kept to its end.
  await medium.database.query(`SELECT pg_stat_clear_snapshot()`);
  const rows: unknown[] = await medium.database.query(
    `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows.length > 0;
}
async function accessIn(spaceId: string, principal: Principal): Promise<SpaceAccess | undefined> {
  return (await medium.get(CheckAccessUseCase).execute({ spaceIds: [spaceId] }, principal)).access[0];
}
/** What a use case fails with: its code, and the field its details name. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, details } = error as { code: string; details?: { fields?: Array<{ field: string }> } };
    return details?.fields?.[0] ? { code, field: details.fields[0].field } : { code };
  }
  throw new Error('expected the use case to fail');
}

describe('joining', () => {
  it('when a customer joins an OPEN external space, they are an active member at once and may post', async () => {
    const { id } = await space('EXTERNAL', 'OPEN');
    const cora = person('CUSTOMER');
    expect(await join(id, cora)).toMatchObject({ spaceId: id, userId: cora.userId, role: 'MEMBER', status: 'ACTIVE' });
    expect(await accessIn(id, cora)).toMatchObject({ read: true, post: true, moderate: false });
  });

  it('when a customer asks to join an APPROVAL space, they read nothing until a moderator approves', async () => {
    const { id, owner } = await space('EXTERNAL', 'APPROVAL');
    const cora = person('CUSTOMER');
    const request = await join(id, cora);
    expect(request.status).toBe('PENDING');
    expect(await accessIn(id, cora)).toMatchObject({ read: false, post: false, postDenial: 'NOT_A_MEMBER' });
    const approved = await medium.get(ApproveMemberUseCase).execute({ spaceId: id, userId: cora.userId }, owner);
    expect(approved.status).toBe('ACTIVE');
    // Membership counts from the approval, not from the request.
    expect(approved.joinedAt >= request.joinedAt).toBe(true);
    expect(await accessIn(id, cora)).toMatchObject({ read: true, post: true });
  });

  it('when an employee who is not in an INVITE space tries to join it, it does not exist; staff join at once', async () => {
    const { id } = await space('INTERNAL', 'INVITE');
    expect(await failure(join(id, person('EMPLOYEE')))).toEqual({ code: 'NOT_FOUND' });
    expect((await join(id, person('EMPLOYEE', ['COMMUNITY_MANAGER']))).status).toBe('ACTIVE');
  });

  it('when a customer tries to join an internal space, even an open one, then NOT_FOUND', async () => {
    const { id } = await space('INTERNAL', 'OPEN');
    expect(await failure(join(id, person('CUSTOMER')))).toEqual({ code: 'NOT_FOUND' });
  });

  it('when a space has guidelines, joining needs acceptGuidelines; joining again later accepts them', async () => {
    const { id } = await space('EXTERNAL', 'OPEN', { guidelines: 'Be kind.' });
    const cora = person('CUSTOMER');
    expect(await failure(join(id, cora))).toEqual({ code: 'BAD_USER_INPUT', field: 'acceptGuidelines' });
    expect(await membership(id, cora.userId)).toBeNull();
    const joined = await join(id, cora, true);
    expect(joined.guidelinesAcceptedAt).not.toBeNull();
    // A member who accepted once joins again as a no-op.
    expect(await join(id, cora)).toEqual(joined);
    expect(await accessIn(id, cora)).toMatchObject({ post: true });
  });

  it('when the space is archived, or the viewer is banned from it, then FORBIDDEN', async () => {
    const { id, owner } = await space('EXTERNAL', 'OPEN');
    const cora = person('CUSTOMER');
    await medium.get(BanMemberUseCase).execute({ spaceId: id, userId: cora.userId }, owner);
    expect(await failure(join(id, cora))).toEqual({ code: 'FORBIDDEN' });
    await medium.get(ArchiveSpaceUseCase).execute({ spaceId: id, archived: true }, owner);
    expect(await failure(join(id, person('CUSTOMER')))).toEqual({ code: 'FORBIDDEN' });
  });

  it('when nobody is signed in, or the token only reads, nobody joins', async () => {
    const { id } = await space('EXTERNAL', 'OPEN');
    expect(await failure(join(id, { kind: 'ANONYMOUS' }))).toEqual({ code: 'UNAUTHENTICATED' });
    const reader = { ...person('CUSTOMER'), scopes: ['READ' as const], credential: 'API_TOKEN' as const };
    expect(await failure(join(id, reader))).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('leaving and the last owner', () => {
  it('when a member leaves, they are gone, and leaving again is NOT_FOUND', async () => {
    const { id } = await space('EXTERNAL', 'OPEN');
    const cora = person('CUSTOMER');
    await join(id, cora);
    expect(await leave(id, cora)).toEqual({ left: true });
    expect(await membership(id, cora.userId)).toBeNull();
    expect(await failure(leave(id, cora))).toEqual({ code: 'NOT_FOUND' });
  });

  it('when someone leaves a space they asked to join, the request is withdrawn', async () => {
    const { id } = await space('INTERNAL', 'APPROVAL');
    const emil = person('EMPLOYEE');
    await join(id, emil);
    expect(await leave(id, emil)).toEqual({ left: true });
    expect(await membership(id, emil.userId)).toBeNull();
  });

  it('when the last owner tries to leave or step down, then CONFLICT, until someone else owns the space', async () => {
    const olga = person('EMPLOYEE');
    const { id } = await space('INTERNAL', 'OPEN', { owner: olga });
    expect(await failure(leave(id, olga))).toEqual({ code: 'CONFLICT', field: 'spaceId' });
    expect(await failure(setRole(id, olga.userId, 'MEMBER', olga))).toEqual({ code: 'CONFLICT', field: 'role' });
    const emil = person('EMPLOYEE');
    await join(id, emil);
    expect((await setRole(id, emil.userId, 'OWNER', olga)).role).toBe('OWNER');
    expect(await leave(id, olga)).toEqual({ left: true });
    expect(await failure(leave(id, emil))).toEqual({ code: 'CONFLICT', field: 'spaceId' });
  });

  it('when both owners leave at once, one of them leaves and the other stays the last owner', async () => {
    const olga = person('EMPLOYEE');
    const { id } = await space('INTERNAL', 'OPEN', { owner: olga });
    const emil = person('EMPLOYEE');
    await join(id, emil);
    await setRole(id, emil.userId, 'OWNER', olga);
    // Whoever finds the owners first goes on only once the other has found them too, or waits for their
    // lock: without the lock both would see two owners and both would leave.
    const repository = medium.get(MembershipsRepository);
    const lockOwners = repository.lockOwners.bind(repository);
    let found = 0;
    const spy = jest.spyOn(repository, 'lockOwners').mockImplementation(async (spaceId) => {
      const owners = await lockOwners(spaceId);
      if (++found === 1)
        await waitFor(async () => found === 2 || (await waitingForALock()), { what: 'the other leave' });
      return owners;
    });
    try {
      const outcomes = (await Promise.allSettled([leave(id, olga), leave(id, emil)])).map((outcome) =>
        outcome.status === 'fulfilled' ? 'left' : (outcome.reason as { code: string }).code,
      );
      expect([...outcomes].sort()).toEqual(['CONFLICT', 'left']);
      const stayed = outcomes[0] === 'left' ? emil : olga;
      expect(await membership(id, stayed.userId)).toMatchObject({ role: 'OWNER', status: 'ACTIVE' });
    } finally {
      spy.mockRestore();
    }
  });

  it('when a moderator removes an owner, then FORBIDDEN; staff cannot remove the last owner either', async () => {
    const olga = person('EMPLOYEE');
    const { id } = await space('INTERNAL', 'OPEN', { owner: olga });
    const mona = person('EMPLOYEE');
    await join(id, mona);
    await setRole(id, mona.userId, 'MODERATOR', olga);
    const remove = (by: Principal) => medium.get(RemoveMemberUseCase).execute({ spaceId: id, userId: olga.userId }, by);
    expect(await failure(remove(mona))).toEqual({ code: 'FORBIDDEN' });
    expect(await failure(remove(admin()))).toEqual({ code: 'CONFLICT', field: 'userId' });
    expect(await membership(id, olga.userId)).toMatchObject({ role: 'OWNER' });
  });
});

describe('bans', () => {
  it('when a moderator bans a member, they are out, still see the open space but may not post, join or be invited, until unbanned', async () => {
    const { id, owner } = await space('EXTERNAL', 'OPEN');
    const cora = person('CUSTOMER');
    await join(id, cora);
    const target = { spaceId: id, userId: cora.userId };
    expect(await medium.get(BanMemberUseCase).execute({ ...target, reason: 'spam' }, owner)).toEqual({ banned: true });
    expect(await membership(id, cora.userId)).toBeNull();
    expect(await accessIn(id, cora)).toMatchObject({ read: true, post: false, postDenial: 'BANNED' });
    expect(await failure(join(id, cora))).toEqual({ code: 'FORBIDDEN' });
    expect(await failure(medium.get(InviteMemberUseCase).execute(target, owner))).toEqual({
      code: 'CONFLICT',
      field: 'userId',
    });
    expect(await medium.get(UnbanMemberUseCase).execute(target, owner)).toEqual({ unbanned: true });
    expect(await medium.get(UnbanMemberUseCase).execute(target, owner)).toEqual({ unbanned: false });
    expect((await join(id, cora)).status).toBe('ACTIVE');
  });

  it('when a moderator bans themself, or someone identity does not know, nothing is banned', async () => {
    const { id, owner } = await space('EXTERNAL', 'OPEN');
    const ban = (userId: string) => medium.get(BanMemberUseCase).execute({ spaceId: id, userId }, owner);
    expect(await failure(ban(owner.userId))).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(await failure(ban(randomUUID()))).toEqual({ code: 'NOT_FOUND' });
    expect(await membership(id, owner.userId)).toMatchObject({ role: 'OWNER' });
  });

  it('when a plain member tries to ban, remove or invite someone, then FORBIDDEN', async () => {
    const { id } = await space('EXTERNAL', 'OPEN');
    const [cora, carl] = [person('CUSTOMER'), person('CUSTOMER')];
    await join(id, cora);
    await join(id, carl);
    const target = { spaceId: id, userId: carl.userId };
    expect(await failure(medium.get(BanMemberUseCase).execute(target, cora))).toEqual({ code: 'FORBIDDEN' });
    expect(await failure(medium.get(RemoveMemberUseCase).execute(target, cora))).toEqual({ code: 'FORBIDDEN' });
    expect(await failure(medium.get(InviteMemberUseCase).execute(target, cora))).toEqual({ code: 'FORBIDDEN' });
    expect(await membership(id, carl.userId)).toMatchObject({ status: 'ACTIVE' });
  });
});

describe('inviting', () => {
  it('when a moderator invites a customer into an internal space, then BAD_USER_INPUT and no membership', async () => {
    const { id, owner } = await space('INTERNAL', 'INVITE');
    const cora = person('CUSTOMER');
    const invite = medium.get(InviteMemberUseCase).execute({ spaceId: id, userId: cora.userId }, owner);
    expect(await failure(invite)).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(await membership(id, cora.userId)).toBeNull();
  });

  it('when a moderator invites someone who asked to join, the request is approved', async () => {
    const { id, owner } = await space('INTERNAL', 'APPROVAL');
    const emil = person('EMPLOYEE');
    await join(id, emil);
    const invited = await medium.get(InviteMemberUseCase).execute({ spaceId: id, userId: emil.userId }, owner);
    expect(invited).toMatchObject({ status: 'ACTIVE', role: 'MEMBER' });
  });
});
