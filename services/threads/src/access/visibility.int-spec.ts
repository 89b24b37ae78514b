import {
  type Audience,
  type PostStatus,
  type PostVisibility,
  type Principal,
  spaces,
  type UserPrincipal,
} from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { loadThreadsConfig, threadsConfigModule } from '../config/threads.config';
import { migrations } from '../database/migrations';
import { GetPostsUseCase } from '../posts/get-posts.use-case';
import { ListPostsUseCase } from '../posts/list-posts.use-case';
import { PostsModule } from '../posts/posts.module';
import { PostsRepository } from '../posts/posts.repository';
import { GetThreadUseCase } from '../threads/get-thread.use-case';
import { GetThreadsUseCase } from '../threads/get-threads.use-case';
import { ListThreadsUseCase } from '../threads/list-threads.use-case';
import { ThreadsModule } from '../threads/threads.module';
import { ThreadsRepository } from '../threads/threads.repository';

/**
 * Who sees which threads and posts, on real PostgreSQL with the spaces service faked: its answer
 * is the space's audience and its moderators; the rest (internal notes, held, hidden and deleted
 * posts) is the threads service's own query.
 */
describe('what each reader sees of threads and posts', () => {
  let medium: MediumService;
  const audiences = new Map<string, { audience: Audience; moderators: string[] }>();

  const NOBODY = randomUUID();
  const person = (kind: 'EMPLOYEE' | 'CUSTOMER'): UserPrincipal => ({
    kind,
    userId: randomUUID(),
    roles: [],
    scopes: ['READ', 'WRITE'],
    emailVerified: true,
    credential: 'ACCESS_TOKEN',
  });
  const idOf = (principal: Principal) => (principal.kind === 'ANONYMOUS' ? NOBODY : principal.userId);

  const employee = person('EMPLOYEE');
  const asker = person('CUSTOMER');
  const otherCustomer = person('CUSTOMER');
  /** Moderates every space here; a customer, so internal notes stay hidden from them. */
  const moderator = person('CUSTOMER');
  const anonymous: Principal = { kind: 'ANONYMOUS' };

  function space(audience: Audience): string {
    const id = randomUUID();
    audiences.set(id, { audience, moderators: [moderator.userId] });
    return id;
  }

  async function thread(spaceId: string, author: UserPrincipal, openingStatus: PostStatus = 'VISIBLE') {
    const id = randomUUID();
    await medium.get(ThreadsRepository).insert({
      id,
      spaceId,
      authorId: author.userId,
      kind: 'QUESTION',
      title: 'Export fails',
      topicIds: [],
      language: 'english',
    });
    await post(id, author, { opening: true, status: openingStatus, body: 'The export fails at 99%.' });
    return id;
  }

  async function post(
    threadId: string,
    author: UserPrincipal,
    options: { opening?: boolean; visibility?: PostVisibility; status?: PostStatus; body?: string } = {},
  ) {
    const id = randomUUID();
    const body = options.body ?? `A reply ${id}`;
    await medium.get(PostsRepository).insert({
      id,
      threadId,
      authorId: author.userId,
      opening: options.opening ?? false,
      body,
      bodyHtml: `<p>${body}</p>`,
      visibility: options.visibility ?? 'EVERYONE',
      // Written visible, then changed as a moderator or the author would: `setStatus` keeps deleted_at.
      status: 'VISIBLE',
      replyToPostId: null,
      language: 'english',
    });
    if (options.status && options.status !== 'VISIBLE') await medium.get(PostsRepository).setStatus(id, options.status);
    await medium.get(ThreadsRepository).recount(threadId);
    return id;
  }

  const replies = async (threadId: string, principal: Principal) =>
    (await medium.get(ListPostsUseCase).execute({ threadId, first: 50 }, principal)).posts;
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error: { code?: string }) => error.code,
    );

  beforeAll(async () => {
    medium = await MediumService.start({
      schema: 'threads',
      migrations,
      imports: [threadsConfigModule(loadThreadsConfig({})), ThreadsModule, PostsModule],
    });
    medium.services.answer(spaces.checkAccess, ({ spaceIds }, principal) => ({
      access: spaceIds.flatMap((spaceId) => {
        const known = audiences.get(spaceId);
        if (!known || (known.audience === 'INTERNAL' && principal.kind !== 'EMPLOYEE')) return [];
        return [
          {
            spaceId,
            audience: known.audience,
            purpose: 'SERVICE' as const,
            read: true,
            post: principal.kind !== 'ANONYMOUS',
            postDenial: principal.kind === 'ANONYMOUS' ? ('UNAUTHENTICATED' as const) : null,
            moderate: known.moderators.includes(idOf(principal)),
          },
        ];
      }),
    }));
  });
  afterAll(() => medium?.stop());

  describe('internal notes', () => {
    let threadId: string;
    let note: string;
    let answer: string;

    beforeAll(async () => {
      threadId = await thread(space('EXTERNAL'), asker);
      answer = await post(threadId, employee);
      note = await post(threadId, employee, { visibility: 'INTERNAL' });
    });

    it('exist for employees: in the replies, the count and by id', async () => {
      expect((await replies(threadId, employee)).map((reply) => reply.id)).toEqual([answer, note]);
      expect((await medium.get(GetThreadUseCase).execute(threadId, employee)).replyCount).toBe(2);
      expect(await medium.get(GetPostsUseCase).execute([note], employee)).toHaveLength(1);
    });

    it('do not exist for customers, moderators among them, nor for anonymous readers', async () => {
      for (const reader of [asker, moderator, anonymous]) {
        expect((await replies(threadId, reader)).map((reply) => reply.id)).toEqual([answer]);
        expect((await medium.get(GetThreadUseCase).execute(threadId, reader)).replyCount).toBe(1);
        expect(await medium.get(GetPostsUseCase).execute([note, answer], reader)).toMatchObject([{ id: answer }]);
      }
    });
  });

  describe('held and hidden posts', () => {
    let threadId: string;
    let held: string;
    let hidden: string;

    beforeAll(async () => {
      threadId = await thread(space('EXTERNAL'), asker);
      held = await post(threadId, asker, { status: 'PENDING_REVIEW' });
      hidden = await post(threadId, asker, { status: 'HIDDEN' });
    });

    it('show to their author and the space’s moderators', async () => {
      for (const reader of [asker, moderator]) {
        expect((await replies(threadId, reader)).map((reply) => [reply.id, reply.status])).toEqual([
          [held, 'PENDING_REVIEW'],
          [hidden, 'HIDDEN'],
        ]);
      }
    });

    it('do not exist for other readers, employees included, and are not counted', async () => {
      for (const reader of [otherCustomer, employee, anonymous]) {
        expect(await replies(threadId, reader)).toEqual([]);
        expect(await medium.get(GetPostsUseCase).execute([held, hidden], reader)).toEqual([]);
        expect((await medium.get(GetThreadUseCase).execute(threadId, reader)).replyCount).toBe(0);
      }
    });
  });

  describe('deleted posts', () => {
    it('are shells for readers, with their text for the space’s moderators', async () => {
      const threadId = await thread(space('EXTERNAL'), asker);
      const deleted = await post(threadId, otherCustomer, { status: 'DELETED', body: 'What I regret saying' });
      const [shell] = await replies(threadId, asker);
      expect(shell).toMatchObject({ id: deleted, status: 'DELETED', body: '', bodyHtml: '' });
      const [kept] = await replies(threadId, moderator);
      expect(kept).toMatchObject({ id: deleted, status: 'DELETED', body: 'What I regret saying' });
    });

    it('a thread whose opening post was deleted is listed for moderators only, and has no title for others', async () => {
      const spaceId = space('EXTERNAL');
      const threadId = await thread(spaceId, asker, 'DELETED');
      const listed = async (reader: Principal) =>
        (await medium.get(ListThreadsUseCase).execute({ spaceId, first: 10 }, reader)).threads.map(
          (listedThread) => listedThread.id,
        );
      expect(await listed(moderator)).toEqual([threadId]);
      expect(await listed(otherCustomer)).toEqual([]);
      expect(await medium.get(GetThreadUseCase).execute(threadId, otherCustomer)).toMatchObject({
        title: '',
        openingPost: { status: 'DELETED', body: '' },
      });
      expect((await medium.get(GetThreadUseCase).execute(threadId, moderator)).title).toBe('Export fails');
    });
  });

  describe('threads of an INTERNAL space', () => {
    let spaceId: string;
    let threadId: string;

    beforeAll(async () => {
      spaceId = space('INTERNAL');
      threadId = await thread(spaceId, employee);
    });

    it('are there for employees', async () => {
      expect((await medium.get(GetThreadUseCase).execute(threadId, employee)).id).toBe(threadId);
    });

    it('are NOT_FOUND for a customer, exactly like a thread that does not exist', async () => {
      expect(await codeOf(medium.get(GetThreadUseCase).execute(threadId, asker))).toBe('NOT_FOUND');
      expect(await codeOf(medium.get(GetThreadUseCase).execute(randomUUID(), asker))).toBe('NOT_FOUND');
      expect(await codeOf(replies(threadId, asker))).toBe('NOT_FOUND');
      expect(await codeOf(medium.get(ListThreadsUseCase).execute({ spaceId, first: 10 }, asker))).toBe('NOT_FOUND');
    });

    it('are simply absent from a customer’s batch lookups', async () => {
      const visible = await thread(space('EXTERNAL'), asker);
      const found = await medium.get(GetThreadsUseCase).execute([threadId, visible, randomUUID()], asker);
      expect(found.map((foundThread) => foundThread.id)).toEqual([visible]);
      const opening = (await medium.get(GetThreadUseCase).execute(threadId, employee)).openingPost.id;
      expect(await medium.get(GetPostsUseCase).execute([opening], asker)).toEqual([]);
    });
  });
});
