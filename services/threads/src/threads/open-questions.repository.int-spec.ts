import type { PostStatus } from '@kern/contracts';
import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { PostsRepository } from '../posts/posts.repository';
import { OpenQuestionsRepository } from './open-questions.repository';
import { ThreadsRepository } from './threads.repository';

/** Which questions still wait for an answer, and how they rank for someone's topics, on real PostgreSQL. */
describe('OpenQuestionsRepository', () => {
  let medium: MediumService;
  let questions: OpenQuestionsRepository;
  const spaceId = randomUUID();
  const [billing, exports] = [randomUUID(), randomUUID()];
  const asker = randomUUID();

  async function question(title: string, topicIds: string[], opening: PostStatus = 'VISIBLE', authorId = asker) {
    const id = randomUUID();
    await medium.get(ThreadsRepository).insert({
      id,
      spaceId,
      authorId,
      kind: 'QUESTION',
      title,
      topicIds,
      language: 'english',
    });
    await reply(id, authorId, { opening: true, status: opening });
    return id;
  }

  async function reply(
    threadId: string,
    authorId: string,
    options: { opening?: boolean; status?: PostStatus; internal?: boolean } = {},
  ) {
    const id = randomUUID();
    await medium.get(PostsRepository).insert({
      id,
      threadId,
      authorId,
      opening: options.opening ?? false,
      body: 'text',
      bodyHtml: '<p>text</p>',
      visibility: options.internal ? 'INTERNAL' : 'EVERYONE',
      status: options.status ?? 'VISIBLE',
      replyToPostId: null,
      language: 'english',
    });
    await medium.get(ThreadsRepository).recount(threadId);
    return id;
  }

  beforeAll(async () => {
    medium = await MediumService.start({
      schema: 'threads',
      migrations,
      providers: [ThreadsRepository, PostsRepository, OpenQuestionsRepository],
    });
    questions = medium.get(OpenQuestionsRepository);
  });
  afterAll(() => medium?.stop());

  it('are questions nobody answered, accepted an answer for or locked, with an opening post that shows', async () => {
    const open = await question('Open, with an internal note only', [billing]);
    await reply(open, randomUUID(), { internal: true });
    await reply(await question('Answered', [billing]), randomUUID());
    const accepted = await question('Accepted', [billing]);
    await medium.get(ThreadsRepository).setAcceptedPost(accepted, await reply(accepted, asker, { internal: true }));
    await medium.get(ThreadsRepository).setLocked(await question('Locked', [billing]), true);
    await question('Held', [billing], 'PENDING_REVIEW');
    await question('Other space', [exports]).then((id) =>
      medium.get(ThreadsRepository).move(id, randomUUID(), 'english'),
    );

    const ranked = await questions.ranked({
      spaceIds: [spaceId],
      topics: [{ topicId: billing, weight: 1 }],
      exceptAuthorId: null,
      limit: 10,
      offset: 0,
    });
    expect(ranked).toEqual([{ id: open, spaceId }]);
    expect(await questions.countByTopic([spaceId])).toEqual([{ topicId: billing, openQuestions: 1 }]);
  });

  it('rank by the weight of the topics they share with the reader, never showing the reader their own', async () => {
    const space = { spaceIds: [spaceId], limit: 10, offset: 0 };
    const reader = randomUUID();
    const both = await question('Billing exports', [billing, exports], 'VISIBLE', randomUUID());
    const onlyExports = await question('Exports', [exports], 'VISIBLE', randomUUID());
    const mine = await question('My own', [exports], 'VISIBLE', reader);
    const ranked = await questions.ranked({
      ...space,
      topics: [
        { topicId: exports, weight: 2 },
        { topicId: billing, weight: 0.5 },
      ],
      exceptAuthorId: reader,
    });
    // Then the open billing question of the story above, worth 0.5.
    expect(ranked.map((found) => found.id)).toHaveLength(3);
    expect(ranked.map((found) => found.id).slice(0, 2)).toEqual([both, onlyExports]);
    expect(ranked.map((found) => found.id)).not.toContain(mine);
  });
});
