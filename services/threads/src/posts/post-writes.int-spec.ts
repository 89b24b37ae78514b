import {
  type Audience,
  eventStreamSubject,
  identity,
  type PostDenial,
  type Principal,
  type SpaceAccess,
  type SpaceReply,
  spaces,
  threadsEvents,
  type UserPrincipal,
  type UserReply,
} from '@kern/contracts';
import { notFound, serviceUnavailable } from '@kern/messaging';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { loadThreadsConfig, threadsConfigModule } from '../config/threads.config';
import { migrations } from '../database/migrations';
import { ModeratePostUseCase } from '../moderation/moderate-post.use-case';
import { GetThreadUseCase } from '../threads/get-thread.use-case';
import { LockThreadUseCase } from '../threads/lock-thread.use-case';
import { StartThreadUseCase } from '../threads/start-thread.use-case';
import { ThreadsModule } from '../threads/threads.module';
import { EditPostUseCase } from './edit-post.use-case';
import { GetPostHistoryUseCase } from './get-post-history.use-case';
import { ListPostsUseCase } from './list-posts.use-case';
import { PostsModule } from './posts.module';
import { ReplyUseCase } from './reply.use-case';

/** Loan spam with an address to write to: held for review when a new account posts it. */
const SPAM = 'Loans at 2% interest, contact me at some-address@gmail.com for fast cash!';

/**
 * Starting threads, replying, editing and moderating on real PostgreSQL, with the spaces service
 * (who may read, post, moderate) and identity (when an account was made) faked. The fake client
 * refuses calls made inside a transaction, as the real one does outside production.
 */
describe('writing threads and posts', () => {
  let medium: MediumService;
  const audiences = new Map<string, Audience>();
  const moderators = new Set<string>();
  const denials = new Map<string, PostDenial>();
  const createdAt = new Map<string, string>();
  let spacesDown = false;

  const person = (kind: 'EMPLOYEE' | 'CUSTOMER', since = '2020-01-01T00:00:00.000Z'): UserPrincipal => {
    const principal: UserPrincipal = {
      kind,
      userId: randomUUID(),
      roles: [],
      scopes: ['READ', 'WRITE'],
      emailVerified: true,
      credential: 'ACCESS_TOKEN',
    };
    createdAt.set(principal.userId, since);
    return principal;
  };
  const moderatorOfAll = person('EMPLOYEE');
  moderators.add(moderatorOfAll.userId);

  function accessTo(spaceId: string, principal: Principal): SpaceAccess | undefined {
    const audience = audiences.get(spaceId);
    if (!audience || (audience === 'INTERNAL' && principal.kind !== 'EMPLOYEE')) return undefined;
    const userId = principal.kind === 'ANONYMOUS' ? null : principal.userId;
    const denial = principal.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : (denials.get(userId ?? '') ?? null);
    return {
      spaceId,
      audience,
      purpose: 'SERVICE',
      read: true,
      post: denial === null,
      postDenial: denial,
      moderate: userId !== null && moderators.has(userId),
    };
  }

  const space = (audience: Audience) => {
    const id = randomUUID();
    audiences.set(id, audience);
    return id;
  };
  const start = (spaceId: string, author: UserPrincipal, body = 'The export stops at 99%. What can I do?') =>
    medium.get(StartThreadUseCase).execute({ spaceId, kind: 'QUESTION', title: 'Export fails', body }, author);
  const reply = (threadId: string, author: UserPrincipal, body: string, extra: object = {}) =>
    medium.get(ReplyUseCase).execute({ threadId, body, ...extra }, author);
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: 'OK' }),
      (error: { code?: string; details?: unknown }) => ({ code: error.code, details: error.details }),
    );
  const eventsAbout = async (postId: string) =>
    (await medium.outbox())
      .filter((event) => (event.payload as { postId?: string }).postId === postId)
      .map((event) => event.subject);
  const postsOf = async (threadId: string, reader: Principal) =>
    (await medium.get(ListPostsUseCase).execute({ threadId, first: 50 }, reader)).posts;

  beforeAll(async () => {
    const config = loadThreadsConfig({
      NEW_ACCOUNT_SECONDS_BETWEEN_POSTS: '0',
      NEW_ACCOUNT_THREADS_FIRST_DAY: '1000',
      NEW_ACCOUNT_REPLIES_FIRST_DAY: '1000',
    });
    medium = await MediumService.start({
      schema: 'threads',
      migrations,
      imports: [threadsConfigModule(config), ThreadsModule, PostsModule],
    });
    medium.services
      .answer(spaces.checkAccess, ({ spaceIds }, principal) => {
        if (spacesDown) throw serviceUnavailable('The spaces service is not available');
        return { access: spaceIds.flatMap((spaceId) => accessTo(spaceId, principal) ?? []) };
      })
      .answer(spaces.getSpace, (query, principal): SpaceReply => {
        const id = 'id' in query ? query.id : '';
        const viewerAccess = accessTo(id, principal);
        if (!viewerAccess) throw notFound('Space');
        return {
          id,
          slug: `space-${id.slice(0, 8)}`,
          name: 'Support',
          description: '',
          audience: viewerAccess.audience,
          joinPolicy: 'OPEN',
          purpose: 'SERVICE',
          language: 'en',
          guidelines: null,
          topicIds: [],
          memberCount: 1,
          archivedAt: null,
          createdAt: '2020-01-01T00:00:00.000Z',
          viewerMembership: null,
          viewerAccess,
        };
      })
      .answer(identity.getUsers, ({ ids }) => ({
        users: ids.map((id): UserReply => ({
          id,
          handle: `user${id.slice(0, 8)}`,
          displayName: 'Someone',
          kind: 'CUSTOMER',
          email: null,
          emailVerified: null,
          roles: [],
          suspended: null,
          createdAt: createdAt.get(id) ?? new Date().toISOString(),
        })),
      }));
  });
  afterAll(() => medium?.stop());

  describe('a reply', () => {
    let threadId: string;
    const asker = person('CUSTOMER');
    const helper = person('CUSTOMER');

    beforeAll(async () => {
      threadId = (await start(space('EXTERNAL'), asker)).id;
    });

    it('is saved, counted, announced and makes its author watch the thread', async () => {
      const written = await reply(threadId, helper, 'Try exporting in two halves, @ann can tell you more.');
      expect(written).toMatchObject({ threadId, authorId: helper.userId, status: 'VISIBLE', visibility: 'EVERYONE' });
      expect(await eventsAbout(written.id)).toEqual([eventStreamSubject(threadsEvents.postPublished)]);
      const published = (await medium.outbox()).find(
        (event) => (event.payload as { postId?: string }).postId === written.id,
      );
      expect(published?.payload).toMatchObject({ mentionedHandles: ['ann'], opening: false, visibility: 'EVERYONE' });
      expect(await medium.get(GetThreadUseCase).execute(threadId, helper)).toMatchObject({
        replyCount: 1,
        viewerFollowLevel: 'WATCHING',
      });
    });

    it('as an internal note comes from employees only', async () => {
      expect((await failure(reply(threadId, helper, 'Between us', { visibility: 'INTERNAL' }))).code).toBe('FORBIDDEN');
      const note = await reply(threadId, moderatorOfAll, 'Known bug, fixed in 4.2', { visibility: 'INTERNAL' });
      expect(note.visibility).toBe('INTERNAL');
      expect((await medium.get(GetThreadUseCase).execute(threadId, asker)).replyCount).toBe(1);
      expect((await medium.get(GetThreadUseCase).execute(threadId, moderatorOfAll)).replyCount).toBe(2);
    });

    it('is refused with the reason the spaces service gives, and nothing is written', async () => {
      const banned = person('CUSTOMER');
      denials.set(banned.userId, 'BANNED');
      expect(await failure(reply(threadId, banned, 'Let me in'))).toEqual({
        code: 'FORBIDDEN',
        details: { reason: 'BANNED' },
      });
      expect((await postsOf(threadId, moderatorOfAll)).some((post) => post.authorId === banned.userId)).toBe(false);
    });

    it('fails when the spaces service does not answer, and nothing is written', async () => {
      const before = (await postsOf(threadId, moderatorOfAll)).length;
      spacesDown = true;
      try {
        expect((await failure(reply(threadId, helper, 'Anyone there?'))).code).toBe('SERVICE_UNAVAILABLE');
      } finally {
        spacesDown = false;
      }
      expect(await postsOf(threadId, moderatorOfAll)).toHaveLength(before);
    });

    it('goes into a locked thread from its moderators only', async () => {
      const locked = (await start(space('EXTERNAL'), asker)).id;
      await medium.get(LockThreadUseCase).execute({ threadId: locked, locked: true }, moderatorOfAll);
      expect((await failure(reply(locked, helper, 'Still broken for me'))).code).toBe('FORBIDDEN');
      expect((await reply(locked, moderatorOfAll, 'Closed: fixed in 4.2')).status).toBe('VISIBLE');
    });

    it('by an employee to customers, repeating an internal note, waits for confirmPublic', async () => {
      const note = 'The root cause is the nightly reindex job on shard seven, which times out after ninety minutes';
      await reply(threadId, moderatorOfAll, note, { visibility: 'INTERNAL' });
      const draft = 'Good news: the nightly reindex job on shard seven, which times out after ninety minutes, is fixed';
      expect(await failure(reply(threadId, moderatorOfAll, draft))).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        details: { reason: 'REPEATS_INTERNAL', match: 'PASSAGE' },
      });
      expect((await reply(threadId, moderatorOfAll, draft, { confirmPublic: true })).body).toBe(draft);
    });
  });

  describe('an edit', () => {
    it('keeps the earlier version, shown to the author, and is the author’s (or a moderator’s) alone', async () => {
      const author = person('CUSTOMER');
      const other = person('CUSTOMER');
      const thread = await start(space('EXTERNAL'), author, 'The export stops at 99%');
      const postId = thread.openingPost.id;
      const edited = await medium.get(EditPostUseCase).execute({ postId, body: 'The export stops at 98%' }, author);
      expect(edited).toMatchObject({ body: 'The export stops at 98%', status: 'VISIBLE' });
      expect(edited.editedAt).not.toBeNull();
      expect(await medium.get(GetPostHistoryUseCase).execute(postId, author)).toMatchObject([
        { previousBody: 'The export stops at 99%', editorId: author.userId },
      ]);
      expect((await failure(medium.get(GetPostHistoryUseCase).execute(postId, other))).code).toBe('FORBIDDEN');
      expect((await failure(medium.get(EditPostUseCase).execute({ postId, body: 'Mine now' }, other))).code).toBe(
        'FORBIDDEN',
      );
      await medium.get(EditPostUseCase).execute({ postId, body: 'Fixed by moderator' }, moderatorOfAll);
      expect(await medium.get(GetPostHistoryUseCase).execute(postId, moderatorOfAll)).toHaveLength(2);
    });

    it('into spam by a new account holds the post for review', async () => {
      const newcomer = person('CUSTOMER', new Date().toISOString());
      const thread = await start(space('EXTERNAL'), person('CUSTOMER'));
      const written = await reply(thread.id, newcomer, 'Same here, the export stops.');
      const held = await medium.get(EditPostUseCase).execute({ postId: written.id, body: SPAM }, newcomer);
      expect(held.status).toBe('PENDING_REVIEW');
      expect((await medium.get(GetThreadUseCase).execute(thread.id, newcomer)).replyCount).toBe(0);
    });
  });

  describe('moderation', () => {
    it('a new account’s spam is held, not counted nor announced, until a moderator approves it once', async () => {
      const asker = person('CUSTOMER');
      const newcomer = person('CUSTOMER', new Date().toISOString());
      const { id: threadId } = await start(space('EXTERNAL'), asker);
      const held = await reply(threadId, newcomer, SPAM);
      expect(held.status).toBe('PENDING_REVIEW');
      expect(await eventsAbout(held.id)).toEqual([]);
      expect(await postsOf(threadId, asker)).toEqual([]);
      expect(
        (await failure(medium.get(ModeratePostUseCase).execute({ postId: held.id, action: 'APPROVE' }, asker))).code,
      ).toBe('NOT_FOUND');

      const approve = () =>
        medium.get(ModeratePostUseCase).execute({ postId: held.id, action: 'APPROVE' }, moderatorOfAll);
      expect((await approve()).status).toBe('VISIBLE');
      await approve();
      expect(await eventsAbout(held.id)).toEqual([
        eventStreamSubject(threadsEvents.postPublished),
        eventStreamSubject(threadsEvents.postModerated),
        eventStreamSubject(threadsEvents.postModerated),
      ]);
      expect((await medium.get(GetThreadUseCase).execute(threadId, asker)).replyCount).toBe(1);
    });

    it('is for the space’s moderators: a reader who sees the post gets FORBIDDEN', async () => {
      const asker = person('CUSTOMER');
      const { openingPost } = await start(space('EXTERNAL'), asker);
      expect(
        (await failure(medium.get(ModeratePostUseCase).execute({ postId: openingPost.id, action: 'HIDE' }, asker)))
          .code,
      ).toBe('FORBIDDEN');
      const hidden = await medium
        .get(ModeratePostUseCase)
        .execute({ postId: openingPost.id, action: 'HIDE', reason: 'off topic' }, moderatorOfAll);
      expect(hidden.status).toBe('HIDDEN');
    });
  });
});
