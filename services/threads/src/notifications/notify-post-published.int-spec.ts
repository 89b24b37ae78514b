import {
  type EventEnvelope,
  eventStreamSubject,
  identity,
  type PostVisibility,
  type Principal,
  spaces,
  threadsEvents,
  type UserPrincipal,
} from '@kern/contracts';
import { notFound } from '@kern/messaging';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { migrations } from '../database/migrations';
import { FollowsModule } from '../follows/follows.module';
import { FollowsRepository } from '../follows/follows.repository';
import { PostsRepository } from '../posts/posts.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { NotificationsModule } from './notifications.module';
import { NotifyPostPublishedHandler } from './notify-post-published.handler';

type PostPublished = z.output<typeof threadsEvents.postPublished.payload>;

/**
 * Who hears of a new post, decided at delivery: the handler's `prepare` on real PostgreSQL (who
 * follows and who muted), with identity (each user's kind, handles) and the spaces service (who may
 * read the space now) faked; then `handle` delivers into the inboxes, which check again when read.
 */
describe('notifications of a new post', () => {
  let medium: MediumService;
  let handler: NotifyPostPublishedHandler;
  let follows: FollowsRepository;
  const kinds = new Map<string, 'EMPLOYEE' | 'CUSTOMER'>();
  const handles = new Map<string, string>();
  /** Per space, who the spaces service says may read it. */
  const readers = new Map<string, Set<string>>();

  function person(kind: 'EMPLOYEE' | 'CUSTOMER', handle?: string): UserPrincipal {
    const principal: UserPrincipal = {
      kind,
      userId: randomUUID(),
      roles: [],
      scopes: ['READ', 'WRITE'],
      emailVerified: true,
      credential: 'ACCESS_TOKEN',
    };
    kinds.set(principal.userId, kind);
    if (handle) handles.set(handle, principal.userId);
    return principal;
  }

  /** A space its members may read, with a thread by `author` in it. */
  async function threadIn(author: UserPrincipal, members: UserPrincipal[]) {
    const spaceId = randomUUID();
    readers.set(spaceId, new Set([author, ...members].map((member) => member.userId)));
    const threadId = randomUUID();
    await medium.get(ThreadsRepository).insert({
      id: threadId,
      spaceId,
      authorId: author.userId,
      kind: 'QUESTION',
      title: 'Export fails',
      topicIds: [],
      language: 'english',
    });
    const openingPostId = await writePost(threadId, author, 'EVERYONE', true);
    return { spaceId, threadId, openingPostId };
  }

  async function writePost(threadId: string, author: UserPrincipal, visibility: PostVisibility, opening = false) {
    const id = randomUUID();
    await medium.get(PostsRepository).insert({
      id,
      threadId,
      authorId: author.userId,
      opening,
      body: 'text',
      bodyHtml: '<p>text</p>',
      visibility,
      status: 'VISIBLE',
      replyToPostId: null,
      language: 'english',
    });
    return id;
  }

  async function published(
    place: { spaceId: string; threadId: string },
    author: UserPrincipal,
    options: { visibility?: PostVisibility; mentionedHandles?: string[]; replyToPostId?: string } = {},
  ): Promise<PostPublished> {
    const visibility = options.visibility ?? 'EVERYONE';
    return {
      postId: await writePost(place.threadId, author, visibility),
      ...place,
      authorId: author.userId,
      topicIds: [],
      visibility,
      opening: false,
      threadKind: 'QUESTION',
      replyToPostId: options.replyToPostId ?? null,
      mentionedHandles: options.mentionedHandles ?? [],
      excerpt: 'text',
    };
  }

  /** What the durable consumer does with one event: prepare outside, handle inside the transaction. */
  async function deliver(post: PostPublished) {
    const deliveries = await handler.prepare(post);
    const envelope: EventEnvelope = {
      id: randomUUID(),
      name: threadsEvents.postPublished.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      traceId: null,
      payload: post,
    };
    await medium.database.transaction(() => handler.handle(post, envelope, deliveries));
    return deliveries;
  }

  const inbox = (principal: Principal) => medium.get(ListNotificationsUseCase).execute({ first: 20 }, principal);

  beforeAll(async () => {
    medium = await MediumService.start({
      schema: 'threads',
      migrations,
      imports: [NotificationsModule, FollowsModule],
    });
    handler = medium.get(NotifyPostPublishedHandler);
    follows = medium.get(FollowsRepository);
    medium.services
      .answer(identity.getUsers, ({ ids }) => ({
        users: ids.flatMap((id) => {
          const kind = kinds.get(id);
          if (!kind) return [];
          const handle = `user${id.slice(0, 8)}`;
          return [
            {
              id,
              handle,
              displayName: handle,
              kind,
              email: null,
              emailVerified: null,
              roles: [],
              suspended: null,
              createdAt: '2020-01-01T00:00:00.000Z',
            },
          ];
        }),
      }))
      .answer(identity.getUser, (query) => {
        const id = 'handle' in query ? handles.get(query.handle) : query.id;
        if (!id) throw notFound('User');
        return {
          id,
          handle: 'someone',
          displayName: 'Someone',
          kind: kinds.get(id) ?? 'CUSTOMER',
          email: null,
          emailVerified: null,
          roles: [],
          suspended: null,
          createdAt: '2020-01-01T00:00:00.000Z',
        };
      })
      .answer(spaces.readers, ({ spaceId, users }) => ({
        userIds: users.filter((user) => readers.get(spaceId)?.has(user.userId)).map((user) => user.userId),
      }))
      .answer(spaces.checkAccess, ({ spaceIds }, principal) => ({
        access: spaceIds.flatMap((spaceId) =>
          principal.kind !== 'ANONYMOUS' && readers.get(spaceId)?.has(principal.userId)
            ? [
                {
                  spaceId,
                  audience: 'EXTERNAL' as const,
                  purpose: 'SERVICE' as const,
                  read: true,
                  post: true,
                  postDenial: null,
                  moderate: false,
                },
              ]
            : [],
        ),
      }));
  });
  afterAll(() => medium?.stop());

  it('a reply reaches who watches the thread or its space, never its own author, who muted it, or who only reads it', async () => {
    const author = person('CUSTOMER');
    const watcher = person('CUSTOMER');
    const spaceWatcher = person('EMPLOYEE');
    const mutedIt = person('CUSTOMER');
    const reader = person('CUSTOMER');
    const replier = person('CUSTOMER');
    const place = await threadIn(author, [watcher, spaceWatcher, mutedIt, reader, replier]);
    await follows.setThreadLevel(author.userId, place.threadId, 'WATCHING');
    await follows.setThreadLevel(watcher.userId, place.threadId, 'WATCHING');
    await follows.setSpaceLevel(spaceWatcher.userId, place.spaceId, 'WATCHING');
    await follows.setSpaceLevel(mutedIt.userId, place.spaceId, 'WATCHING');
    await follows.setThreadLevel(mutedIt.userId, place.threadId, 'MUTED');
    await follows.setThreadLevel(reader.userId, place.threadId, 'NORMAL');
    await follows.setThreadLevel(replier.userId, place.threadId, 'WATCHING');

    const deliveries = await deliver(await published(place, replier));
    expect(deliveries.mentions).toEqual([]);
    expect(new Set(deliveries.replies)).toEqual(new Set([author.userId, watcher.userId, spaceWatcher.userId]));
    expect((await inbox(watcher)).notifications).toMatchObject([{ kind: 'REPLY', threadId: place.threadId, count: 1 }]);
    expect((await inbox(reader)).notifications).toEqual([]);
    expect((await medium.outbox()).map((event) => event.subject)).toContain(
      eventStreamSubject(threadsEvents.notificationsDelivered),
    );
  });

  it('an internal note reaches only the employees among the watchers', async () => {
    const author = person('EMPLOYEE');
    const customer = person('CUSTOMER');
    const colleague = person('EMPLOYEE');
    const place = await threadIn(author, [customer, colleague]);
    for (const watcher of [customer, colleague])
      await follows.setThreadLevel(watcher.userId, place.threadId, 'WATCHING');
    const deliveries = await deliver(await published(place, author, { visibility: 'INTERNAL' }));
    expect(deliveries.replies).toEqual([colleague.userId]);
    expect((await inbox(customer)).unreadCount).toBe(0);
  });

  it('a watcher the spaces service says may no longer read the space hears nothing', async () => {
    const author = person('CUSTOMER');
    const removed = person('CUSTOMER');
    const place = await threadIn(author, []);
    await follows.setThreadLevel(removed.userId, place.threadId, 'WATCHING');
    expect((await deliver(await published(place, author))).replies).toEqual([]);
  });

  it('a mention is a MENTION and not also a REPLY; unknown handles are left out', async () => {
    const author = person('CUSTOMER');
    const ann = person('CUSTOMER', 'ann');
    const place = await threadIn(author, [ann]);
    await follows.setThreadLevel(ann.userId, place.threadId, 'WATCHING');
    const deliveries = await deliver(await published(place, author, { mentionedHandles: ['ann', 'nobody-here'] }));
    expect(deliveries).toEqual({ mentions: [ann.userId], replies: [] });
    expect((await inbox(ann)).notifications).toMatchObject([{ kind: 'MENTION', threadId: place.threadId }]);
  });

  it('the author of the post answered hears of it without watching, once per thread until read', async () => {
    const author = person('CUSTOMER');
    const replier = person('CUSTOMER');
    const place = await threadIn(author, [replier]);
    const answered = await writePost(place.threadId, author, 'EVERYONE');
    await deliver(await published(place, replier, { replyToPostId: answered }));
    await deliver(await published(place, replier, { replyToPostId: answered }));
    const { notifications, unreadCount } = await inbox(author);
    expect(notifications).toMatchObject([{ kind: 'REPLY', count: 2, actorId: replier.userId }]);
    expect(unreadCount).toBe(1);
  });

  it('the inbox leaves out what its recipient may no longer read', async () => {
    const author = person('CUSTOMER');
    const watcher = person('CUSTOMER');
    const place = await threadIn(author, [watcher]);
    await follows.setThreadLevel(watcher.userId, place.threadId, 'WATCHING');
    await deliver(await published(place, author));
    expect((await inbox(watcher)).unreadCount).toBe(1);
    readers.get(place.spaceId)?.delete(watcher.userId);
    expect(await inbox(watcher)).toMatchObject({ notifications: [], unreadCount: 0 });
  });
});
