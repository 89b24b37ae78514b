import {
  expertise,
  identity,
  type Audience,
  type JoinPolicy,
  type MemberKind,
  type PlatformRole,
  type RequestOf,
  type spaces,
  type UserPrincipal,
} from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { JoinSpaceUseCase } from '../memberships/join-space.use-case';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { SetMemberRoleUseCase } from '../memberships/set-member-role.use-case';
import { ArchiveSpaceUseCase } from './archive-space.use-case';
import { CreateSpaceUseCase } from './create-space.use-case';
import { ListSpacesUseCase } from './list-spaces.use-case';
import { SpacesModule } from './spaces.module';
import { UpdateSpaceUseCase } from './update-space.use-case';

/** Creating, changing and archiving spaces, on real PostgreSQL; identity and expertise are faked. */

let medium: MediumService;
const kinds = new Map<string, MemberKind>();

beforeAll(async () => {
  medium = await MediumService.start({ schema: 'spaces', migrations, imports: [SpacesModule] });
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
const create = (audience: Audience, joinPolicy: JoinPolicy, by: UserPrincipal) =>
  medium.get(CreateSpaceUseCase).execute(
    {
      slug: `space-${++spaceCount}`,
      name: `Space ${spaceCount}`,
      description: '',
      audience,
      joinPolicy,
      topics: ['billing'],
    },
    by,
  );
const update = (input: RequestOf<typeof spaces.updateSpace>, by: UserPrincipal) =>
  medium.get(UpdateSpaceUseCase).execute(input, by);
async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    const { code, details } = error as { code: string; details?: Record<string, unknown> };
    return { code, ...details };
  }
  throw new Error('expected the use case to fail');
}

describe('creating', () => {
  it('when an employee opens an internal space, they are its active owner, guidelines accepted', async () => {
    const emil = person('EMPLOYEE');
    const created = await create('INTERNAL', 'OPEN', emil);
    expect(created).toMatchObject({ audience: 'INTERNAL', purpose: 'PRACTICE', memberCount: 1 });
    expect(created.viewerMembership).toMatchObject({ role: 'OWNER', status: 'ACTIVE' });
    expect(created.viewerMembership!.guidelinesAcceptedAt).not.toBeNull();
    expect(created.viewerAccess).toMatchObject({ read: true, post: true, moderate: true });
  });

  it('when a customer opens any space, or an employee an external one, then FORBIDDEN', async () => {
    expect(await failure(create('INTERNAL', 'OPEN', person('CUSTOMER')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(create('EXTERNAL', 'OPEN', person('EMPLOYEE')))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await create('EXTERNAL', 'OPEN', admin())).purpose).toBe('SERVICE');
  });

  it('when the slug is taken, then CONFLICT naming the slug', async () => {
    const { slug } = await create('INTERNAL', 'OPEN', person('EMPLOYEE'));
    const again = medium
      .get(CreateSpaceUseCase)
      .execute(
        { slug, name: 'Again', description: '', audience: 'INTERNAL', joinPolicy: 'OPEN', topics: ['billing'] },
        person('EMPLOYEE'),
      );
    expect(await failure(again)).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'slug' }] });
  });
});

describe('changing the audience', () => {
  it('when an external space with customer members is made internal, then CONFLICT counting them', async () => {
    const staff = admin();
    const { id } = await create('EXTERNAL', 'OPEN', staff);
    for (const customer of [person('CUSTOMER'), person('CUSTOMER')])
      await medium.get(JoinSpaceUseCase).execute({ spaceId: id }, customer);
    expect(await failure(update({ spaceId: id, audience: 'INTERNAL' }, staff))).toMatchObject({
      code: 'CONFLICT',
      customerMembers: 2,
      fields: [{ field: 'audience' }],
    });
  });

  it('when an external space has only employees, it becomes internal', async () => {
    const staff = admin();
    const { id } = await create('EXTERNAL', 'OPEN', staff);
    await medium.get(JoinSpaceUseCase).execute({ spaceId: id }, person('EMPLOYEE'));
    expect((await update({ spaceId: id, audience: 'INTERNAL' }, staff)).audience).toBe('INTERNAL');
  });

  it('when an internal space is made external, only staff may, and only confirmed', async () => {
    const emil = person('EMPLOYEE');
    const { id } = await create('INTERNAL', 'OPEN', emil);
    expect(await failure(update({ spaceId: id, audience: 'EXTERNAL' }, emil))).toMatchObject({ code: 'FORBIDDEN' });
    const staff = admin();
    expect(await failure(update({ spaceId: id, audience: 'EXTERNAL' }, staff))).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      fields: [{ field: 'confirmPublish' }],
    });
    expect((await update({ spaceId: id, audience: 'EXTERNAL', confirmPublish: true }, staff)).audience).toBe(
      'EXTERNAL',
    );
  });
});

describe('other changes', () => {
  it('when the language changes, one event says so, and an unchanged language says nothing', async () => {
    const emil = person('EMPLOYEE');
    const { id } = await create('INTERNAL', 'OPEN', emil);
    const before = (await medium.outbox()).length;
    await update({ spaceId: id, language: 'nl' }, emil);
    await update({ spaceId: id, language: 'nl', name: 'Renamed' }, emil);
    expect((await medium.outbox()).slice(before)).toEqual([
      { subject: 'events.spaces.space.language-changed', payload: { spaceId: id, language: 'nl' } },
    ]);
  });

  it('when a moderator who is not an owner changes or archives the space, then FORBIDDEN', async () => {
    const olga = person('EMPLOYEE');
    const { id } = await create('INTERNAL', 'OPEN', olga);
    const mona = person('EMPLOYEE');
    await medium.get(JoinSpaceUseCase).execute({ spaceId: id }, mona);
    await medium.get(SetMemberRoleUseCase).execute({ spaceId: id, userId: mona.userId, role: 'MODERATOR' }, olga);
    expect(await failure(update({ spaceId: id, name: 'Mine' }, mona))).toMatchObject({ code: 'FORBIDDEN' });
    const archive = medium.get(ArchiveSpaceUseCase).execute({ spaceId: id, archived: true }, mona);
    expect(await failure(archive)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('when an owner archives a space, it leaves the directory, stays among their own, and nobody posts', async () => {
    const olga = person('EMPLOYEE');
    const { id, slug } = await create('INTERNAL', 'OPEN', olga);
    const archived = await medium.get(ArchiveSpaceUseCase).execute({ spaceId: id, archived: true }, olga);
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.viewerAccess).toMatchObject({ read: true, post: false, postDenial: 'ARCHIVED' });
    const list = (mine: boolean) =>
      medium
        .get(ListSpacesUseCase)
        .execute({ first: 100, mine }, olga)
        .then((page) => page.spaces.map((s) => s.slug));
    expect(await list(false)).not.toContain(slug);
    expect(await list(true)).toContain(slug);
    expect(await medium.get(MembershipsRepository).find(id, olga.userId)).toMatchObject({ role: 'OWNER' });
  });
});
