import type { Audience, JoinPolicy, MembershipStatus, Principal, SpaceAccess, SpaceRole } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { MembershipsRepository } from '../memberships/memberships.repository';
import type { SpaceRecord } from '../spaces/space.record';
import { SpacesRepository } from '../spaces/spaces.repository';
import { accessFactsOf } from '../spaces/spaces.mapper';
import { AccessModule } from './access.module';
import { CheckAccessUseCase } from './check-access.use-case';
import { ListReadableSpacesUseCase } from './list-readable-spaces.use-case';
import { ListReadersUseCase } from './list-readers.use-case';
import { accessOf } from './space-access';
import { viewerOf } from './viewer';

/**
 * The boundary as one table, pinned on both of its definitions: the SQL that decides who sees a
 * space and who reads it (`visibleTo`, `readableBy` in viewer.ts, through the repository) and the
 * TypeScript that decides read, post and moderate for a space already seen (`accessOf` in
 * space-access.ts). Every kind of viewer meets every kind of space; the expected cells are written
 * out by hand from the README's "Who may see what", and the two definitions must agree on every one.
 */

type ViewerName =
  | 'anonymous'
  | 'customer'
  | 'unverifiedCustomer'
  | 'customerWithStaleAdminRole'
  | 'customerMember'
  | 'customerPending'
  | 'customerBanned'
  | 'formerEmployeeModerator'
  | 'employee'
  | 'employeeMember'
  | 'employeeMemberNotAccepted'
  | 'employeePending'
  | 'employeeModerator'
  | 'employeeBanned'
  | 'readOnlyTokenMember'
  | 'admin'
  | 'communityManager'
  | 'bannedAdmin';

interface ViewerCase {
  principal: Principal;
  /** Their standing in every space of the audiences named (all when none are). */
  membership?: { role: SpaceRole; status: MembershipStatus; guidelinesAccepted: boolean; audiences?: Audience[] };
  banned?: boolean;
}

const person = (
  kind: 'EMPLOYEE' | 'CUSTOMER',
  options: { roles?: Array<'ADMIN' | 'COMMUNITY_MANAGER'>; verified?: boolean; readOnly?: boolean } = {},
): Principal => ({
  kind,
  userId: randomUUID(),
  roles: options.roles ?? [],
  scopes: options.readOnly ? ['READ'] : ['READ', 'WRITE'],
  emailVerified: options.verified ?? true,
  credential: options.readOnly ? 'API_TOKEN' : 'ACCESS_TOKEN',
});
const ACCEPTED_MEMBER = { role: 'MEMBER', status: 'ACTIVE', guidelinesAccepted: true } as const;

const VIEWERS: Record<ViewerName, ViewerCase> = {
  anonymous: { principal: { kind: 'ANONYMOUS' } },
  customer: { principal: person('CUSTOMER') },
  unverifiedCustomer: { principal: person('CUSTOMER', { verified: false }) },
  // A token issued while its holder was an admin, before they became a customer: roles count for employees only.
  customerWithStaleAdminRole: { principal: person('CUSTOMER', { roles: ['ADMIN'] }) },
  customerMember: { principal: person('CUSTOMER'), membership: { ...ACCEPTED_MEMBER, audiences: ['EXTERNAL'] } },
  // Pending with the guidelines accepted: it is the approval that is missing.
  customerPending: {
    principal: person('CUSTOMER'),
    membership: { role: 'MEMBER', status: 'PENDING', guidelinesAccepted: true, audiences: ['EXTERNAL'] },
  },
  customerBanned: { principal: person('CUSTOMER'), banned: true },
  // An employee who moderated everywhere and left the company: a customer now, memberships and all.
  formerEmployeeModerator: {
    principal: person('CUSTOMER'),
    membership: { role: 'MODERATOR', status: 'ACTIVE', guidelinesAccepted: true },
  },
  employee: { principal: person('EMPLOYEE') },
  employeeMember: { principal: person('EMPLOYEE'), membership: ACCEPTED_MEMBER },
  employeeMemberNotAccepted: {
    principal: person('EMPLOYEE'),
    membership: { role: 'MEMBER', status: 'ACTIVE', guidelinesAccepted: false },
  },
  employeePending: {
    principal: person('EMPLOYEE'),
    membership: { role: 'MEMBER', status: 'PENDING', guidelinesAccepted: true },
  },
  employeeModerator: {
    principal: person('EMPLOYEE'),
    membership: { role: 'MODERATOR', status: 'ACTIVE', guidelinesAccepted: true },
  },
  employeeBanned: { principal: person('EMPLOYEE'), banned: true },
  readOnlyTokenMember: { principal: person('EMPLOYEE', { readOnly: true }), membership: ACCEPTED_MEMBER },
  admin: { principal: person('EMPLOYEE', { roles: ['ADMIN'] }) },
  communityManager: { principal: person('EMPLOYEE', { roles: ['COMMUNITY_MANAGER'] }) },
  bannedAdmin: { principal: person('EMPLOYEE', { roles: ['ADMIN'] }), banned: true },
};

/**
 * One row per viewer, one cell per space, in the order INTERNAL OPEN, APPROVAL, INVITE, then
 * EXTERNAL OPEN, APPROVAL, INVITE. A cell is `-` when the space does not exist for the viewer,
 * otherwise what they may do in it: `s` sees, `r` reads, `p` posts, `m` moderates, and after a space
 * why they may not post.
 */
type Row = [string, string, string, string, string, string];
type Table = Record<ViewerName, Row>;

const NOT_MEMBER = 's NOT_A_MEMBER';

/** Neither archived nor with guidelines. */
const PLAIN: Table = {
  anonymous: ['-', '-', '-', 'sr UNAUTHENTICATED', '-', '-'],
  customer: ['-', '-', '-', 'srp', NOT_MEMBER, '-'],
  unverifiedCustomer: ['-', '-', '-', 'sr EMAIL_UNVERIFIED', 's EMAIL_UNVERIFIED', '-'],
  customerWithStaleAdminRole: ['-', '-', '-', 'srp', NOT_MEMBER, '-'],
  customerMember: ['-', '-', '-', 'srp', 'srp', 'srp'],
  customerPending: ['-', '-', '-', 'srp', NOT_MEMBER, NOT_MEMBER],
  customerBanned: ['-', '-', '-', 'sr BANNED', 's BANNED', '-'],
  formerEmployeeModerator: ['-', '-', '-', 'srpm', 'srpm', 'srpm'],
  employee: ['srp', NOT_MEMBER, '-', 'srp', NOT_MEMBER, '-'],
  employeeMember: ['srp', 'srp', 'srp', 'srp', 'srp', 'srp'],
  employeeMemberNotAccepted: ['srp', 'srp', 'srp', 'srp', 'srp', 'srp'],
  employeePending: ['srp', NOT_MEMBER, NOT_MEMBER, 'srp', NOT_MEMBER, NOT_MEMBER],
  employeeModerator: ['srpm', 'srpm', 'srpm', 'srpm', 'srpm', 'srpm'],
  employeeBanned: ['sr BANNED', 's BANNED', '-', 'sr BANNED', 's BANNED', '-'],
  readOnlyTokenMember: Array<string>(6).fill('sr READ_ONLY_CREDENTIAL') as Row,
  admin: ['srpm', 'srpm', 'srpm', 'srpm', 'srpm', 'srpm'],
  communityManager: ['srpm', 'srpm', 'srpm', 'srpm', 'srpm', 'srpm'],
  bannedAdmin: Array<string>(6).fill('srm BANNED') as Row,
};

/** With guidelines: only active members who accepted them, and staff, post. */
const GUIDELINES: Table = {
  ...PLAIN,
  customer: ['-', '-', '-', 'sr GUIDELINES_NOT_ACCEPTED', NOT_MEMBER, '-'],
  customerWithStaleAdminRole: ['-', '-', '-', 'sr GUIDELINES_NOT_ACCEPTED', NOT_MEMBER, '-'],
  customerPending: ['-', '-', '-', 'sr GUIDELINES_NOT_ACCEPTED', NOT_MEMBER, NOT_MEMBER],
  employee: ['sr GUIDELINES_NOT_ACCEPTED', NOT_MEMBER, '-', 'sr GUIDELINES_NOT_ACCEPTED', NOT_MEMBER, '-'],
  employeeMemberNotAccepted: Array<string>(6).fill('sr GUIDELINES_NOT_ACCEPTED') as Row,
  employeePending: [
    'sr GUIDELINES_NOT_ACCEPTED',
    NOT_MEMBER,
    NOT_MEMBER,
    'sr GUIDELINES_NOT_ACCEPTED',
    NOT_MEMBER,
    NOT_MEMBER,
  ],
};

/** Archived: seen and read as before, posted in by nobody; a missing sign-in, token scope or address says so first. */
const ARCHIVED: Table = {
  anonymous: PLAIN.anonymous,
  customer: ['-', '-', '-', 'sr ARCHIVED', 's ARCHIVED', '-'],
  unverifiedCustomer: PLAIN.unverifiedCustomer,
  customerWithStaleAdminRole: ['-', '-', '-', 'sr ARCHIVED', 's ARCHIVED', '-'],
  customerMember: ['-', '-', '-', 'sr ARCHIVED', 'sr ARCHIVED', 'sr ARCHIVED'],
  customerPending: ['-', '-', '-', 'sr ARCHIVED', 's ARCHIVED', 's ARCHIVED'],
  customerBanned: ['-', '-', '-', 'sr ARCHIVED', 's ARCHIVED', '-'],
  formerEmployeeModerator: ['-', '-', '-', 'srm ARCHIVED', 'srm ARCHIVED', 'srm ARCHIVED'],
  employee: ['sr ARCHIVED', 's ARCHIVED', '-', 'sr ARCHIVED', 's ARCHIVED', '-'],
  employeeMember: Array<string>(6).fill('sr ARCHIVED') as Row,
  employeeMemberNotAccepted: Array<string>(6).fill('sr ARCHIVED') as Row,
  employeePending: ['sr ARCHIVED', 's ARCHIVED', 's ARCHIVED', 'sr ARCHIVED', 's ARCHIVED', 's ARCHIVED'],
  employeeModerator: Array<string>(6).fill('srm ARCHIVED') as Row,
  employeeBanned: ['sr ARCHIVED', 's ARCHIVED', '-', 'sr ARCHIVED', 's ARCHIVED', '-'],
  readOnlyTokenMember: PLAIN.readOnlyTokenMember,
  admin: Array<string>(6).fill('srm ARCHIVED') as Row,
  communityManager: Array<string>(6).fill('srm ARCHIVED') as Row,
  bannedAdmin: Array<string>(6).fill('srm ARCHIVED') as Row,
};

const AUDIENCES: Audience[] = ['INTERNAL', 'EXTERNAL'];
const POLICIES: JoinPolicy[] = ['OPEN', 'APPROVAL', 'INVITE'];
const VARIANTS = [
  { name: 'plain', archived: false, guidelines: false, table: PLAIN },
  { name: 'with guidelines', archived: false, guidelines: true, table: GUIDELINES },
  { name: 'archived', archived: true, guidelines: false, table: ARCHIVED },
  // Archiving decides before the guidelines do, and reading and moderating never depend on them.
  { name: 'archived with guidelines', archived: true, guidelines: true, table: ARCHIVED },
] as const;
type Variant = (typeof VARIANTS)[number];

interface SpaceCase {
  id: string;
  slug: string;
  audience: Audience;
  joinPolicy: JoinPolicy;
  variant: Variant;
}

const SPACES: SpaceCase[] = VARIANTS.flatMap((variant) =>
  AUDIENCES.flatMap((audience) =>
    POLICIES.map((joinPolicy) => ({
      id: randomUUID(),
      slug: [audience, joinPolicy, variant.archived && 'archived', variant.guidelines && 'guidelines']
        .filter(Boolean)
        .join('-')
        .toLowerCase(),
      audience,
      joinPolicy,
      variant,
    })),
  ),
);
const NAMES = Object.keys(VIEWERS) as ViewerName[];
const USERS = NAMES.filter((name) => VIEWERS[name].principal.kind !== 'ANONYMOUS');

let medium: MediumService;
let spaces: SpacesRepository;
/** What the SQL answers: per viewer, the spaces they see, with their standing in each. */
const seen = new Map<ViewerName, Map<string, SpaceRecord>>();
/** What the SQL answers: per space, which viewers read it (the fan-out `spaces.access.readers`, one query for everyone). */
const readers = new Map<string, Set<ViewerName>>();

beforeAll(async () => {
  medium = await MediumService.start({
    schema: 'spaces',
    migrations,
    imports: [AccessModule],
  });
  spaces = medium.get(SpacesRepository);
  const memberships = medium.get(MembershipsRepository);
  const owner = randomUUID();
  for (const space of SPACES) {
    await spaces.insert({
      id: space.id,
      slug: space.slug,
      name: space.slug,
      description: '',
      audience: space.audience,
      joinPolicy: space.joinPolicy,
      purpose: space.audience === 'EXTERNAL' ? 'SERVICE' : 'PRACTICE',
      language: 'en',
      guidelines: space.variant.guidelines ? 'Be kind.' : null,
      topicIds: [],
      createdBy: owner,
    });
    if (space.variant.archived) await spaces.setArchived(space.id, true);
    for (const name of USERS) {
      const { principal, membership, banned } = VIEWERS[name];
      const userId = (principal as { userId: string }).userId;
      if (membership && (membership.audiences ?? AUDIENCES).includes(space.audience))
        await memberships.add({ spaceId: space.id, userId, ...membership });
      if (banned) await memberships.ban(space.id, userId, owner, null);
    }
  }
  for (const name of NAMES) {
    const rows = await spaces.allVisible(viewerOf(VIEWERS[name].principal));
    seen.set(name, new Map(rows.map((row) => [row.id, row])));
  }
  const users = USERS.map((name) => {
    const principal = VIEWERS[name].principal as Extract<Principal, { userId: string }>;
    return { name, userId: principal.userId, kind: principal.kind, roles: principal.roles };
  });
  for (const space of SPACES) {
    const { userIds } = await medium
      .get(ListReadersUseCase)
      .execute({ spaceId: space.id, users: users.map(({ name: _name, ...user }) => user) });
    const ids = new Set(userIds);
    readers.set(space.id, new Set(users.filter((user) => ids.has(user.userId)).map((user) => user.name)));
  }
});
afterAll(() => medium?.stop());

const accessIn = (name: ViewerName, space: SpaceCase): SpaceAccess | null => {
  const row = seen.get(name)!.get(space.id);
  return row ? accessOf(viewerOf(VIEWERS[name].principal), accessFactsOf(row)) : null;
};

function cell(access: SpaceAccess | null): string {
  if (!access) return '-';
  const rights = `s${access.read ? 'r' : ''}${access.post ? 'p' : ''}${access.moderate ? 'm' : ''}`;
  return access.postDenial ? `${rights} ${access.postDenial}` : rights;
}

describe.each(VARIANTS)('spaces $name', (variant) => {
  const inVariant = SPACES.filter((space) => space.variant === variant);

  it('match the table for every viewer', () => {
    const actual = Object.fromEntries(
      NAMES.map((name) => [name, inVariant.map((space) => cell(accessIn(name, space)))]),
    );
    expect(actual).toEqual(variant.table);
  });

  it('are read, in the SQL fan-out, by exactly those whom accessOf lets read', () => {
    const bySpace = (names: (space: SpaceCase) => ViewerName[]) =>
      Object.fromEntries(inVariant.map((space) => [space.slug, names(space).sort()]));
    expect(bySpace((space) => [...readers.get(space.id)!])).toEqual(
      bySpace((space) => USERS.filter((name) => accessIn(name, space)?.read === true)),
    );
  });
});

it('finds one space by id and by slug exactly when it is among all the viewer sees', async () => {
  for (const name of NAMES) {
    const viewer = viewerOf(VIEWERS[name].principal);
    const many = await spaces.findManyVisible(
      viewer,
      SPACES.map((space) => space.id),
    );
    expect(new Set(many.map((row) => row.id))).toEqual(new Set(seen.get(name)!.keys()));
    const found = await Promise.all(
      SPACES.map(async (space) => {
        const byId = await spaces.findVisible(viewer, { id: space.id });
        const bySlug = await spaces.findVisible(viewer, { slug: space.slug });
        return [space.slug, [byId?.id ?? null, bySlug?.id ?? null]];
      }),
    );
    expect(Object.fromEntries(found)).toEqual(
      Object.fromEntries(
        SPACES.map((space) => {
          const id = seen.get(name)!.has(space.id) ? space.id : null;
          return [space.slug, [id, id]];
        }),
      ),
    );
  }
});

it('answers the other services as the table says: access per space, and the spaces each viewer reads', async () => {
  const ids = SPACES.map((space) => space.id);
  for (const name of NAMES) {
    const { principal } = VIEWERS[name];
    const { access } = await medium.get(CheckAccessUseCase).execute({ spaceIds: ids }, principal);
    const expected = SPACES.map((space) => accessIn(name, space)).filter((entry) => entry !== null);
    expect(sortBySpace(access)).toEqual(sortBySpace(expected));
    const { spaceIds } = await medium.get(ListReadableSpacesUseCase).execute(principal);
    expect(spaceIds.sort()).toEqual(
      expected
        .filter((entry) => entry.read)
        .map((entry) => entry.spaceId)
        .sort(),
    );
  }
});

const sortBySpace = (access: SpaceAccess[]) => [...access].sort((a, b) => a.spaceId.localeCompare(b.spaceId));
