import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { envelope, published, thread } from '../test/thread-events';
import { slug } from '../test/community';
import { TopicsModule } from '../topics/topics.module';
import { TopicsRepository } from '../topics/topics.repository';
import {
  AcceptedAnswerEvidence,
  DeletionEvidence,
  HelpfulEvidence,
  ModerationEvidence,
  MovedThreadEvidence,
  ReplyEvidence,
} from './evidence.handlers';
import { EvidenceModule } from './evidence.module';
import { EvidenceRepository, type EvidenceViewer } from './evidence.repository';

const DAY_MS = 86_400_000;

describe('evidence from thread events on real PostgreSQL', () => {
  let medium: MediumService;
  let evidence: EvidenceRepository;
  let topicId: string;
  let subTopicId: string;
  const space = randomUUID();
  const everything: EvidenceViewer = { readableSpaceIds: null, employee: true };

  /** As the durable consumer runs a handler: inside the inbox's transaction. */
  const deliver = <P, E>(handler: { handle(payload: P, envelope: E): Promise<void> }, payload: P, event: E) =>
    medium.database.transaction(() => handler.handle(payload, event));

  /** Each user's score on `topicId` as `viewer` sees it. */
  const scores = async (viewer: EvidenceViewer, userIds: string[], topic = topicId) => {
    const found = await evidence.scores(viewer, { userIds, topicId: topic });
    return Object.fromEntries(userIds.map((id) => [id, found.find((entry) => entry.userId === id)?.score ?? 0]));
  };

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'expertise', migrations, imports: [TopicsModule, EvidenceModule] });
    evidence = medium.get(EvidenceRepository);
    const topics = medium.get(TopicsRepository);
    topicId = (await topics.insert({ slug: slug('databases'), name: 'Databases', parentId: null })).id;
    subTopicId = (await topics.insert({ slug: slug('postgres'), name: 'PostgreSQL', parentId: topicId })).id;
  });
  afterAll(() => medium?.stop());

  it('when a reply is published twice (a redelivery, or again after approval), then it counts once; asking counts nothing', async () => {
    const [asker, replier] = [randomUUID(), randomUUID()];
    const question = thread(space, [topicId]);
    const replies = medium.get(ReplyEvidence);
    await deliver(replies, published(question, asker, { opening: true }), envelope());
    const reply = published(question, replier);
    await deliver(replies, reply, envelope());
    await deliver(replies, reply, envelope());

    expect((await scores(everything, [asker, replier]))[asker]).toBe(0);
    expect((await scores(everything, [replier]))[replier]).toBeCloseTo(1, 4);
  });

  it('when one reader marks a post helpful twice, then it counts 3 once; a second reader adds 3; taking it back removes theirs', async () => {
    const author = randomUUID();
    const post = published(thread(space, [topicId]), author);
    const [reader, other] = [randomUUID(), randomUUID()];
    const helpful = medium.get(HelpfulEvidence);
    const mark = (markedBy: string, isHelpful: boolean) =>
      deliver(helpful, { ...post, markedBy, helpful: isHelpful }, envelope());

    await mark(reader, true);
    await mark(reader, true);
    expect((await scores(everything, [author]))[author]).toBeCloseTo(3, 4);
    await mark(other, true);
    expect((await scores(everything, [author]))[author]).toBeCloseTo(6, 4);
    await mark(reader, false);
    await mark(reader, false);
    expect((await scores(everything, [author]))[author]).toBeCloseTo(3, 4);
  });

  it('when the asker accepts another answer, then the first loses its 10, and accepting again counts once', async () => {
    const question = thread(space, [topicId]);
    const [first, second, asker] = [randomUUID(), randomUUID(), randomUUID()];
    const accepted = medium.get(AcceptedAnswerEvidence);
    const accept = (authorId: string) =>
      deliver(accepted, { ...published(question, authorId), acceptedBy: asker }, envelope());

    await accept(first);
    expect(await scores(everything, [first, second])).toEqual({ [first]: expect.closeTo(10, 4), [second]: 0 });
    await accept(second);
    await accept(second);
    expect(await scores(everything, [first, second])).toEqual({ [first]: 0, [second]: expect.closeTo(10, 4) });
    expect((await evidence.scores(everything, { userIds: [second], topicId }))[0]?.acceptedAnswers).toBe(1);
  });

  it('when a post is hidden or deleted, then its evidence stops counting; approved again, it counts again', async () => {
    const author = randomUUID();
    const post = published(thread(space, [topicId]), author);
    await deliver(medium.get(ReplyEvidence), post, envelope());
    const moderation = medium.get(ModerationEvidence);
    const moderate = (action: string) =>
      deliver(moderation, { ...post, action, reason: null, moderatorId: randomUUID() }, envelope());

    await moderate('HIDE');
    expect((await scores(everything, [author]))[author]).toBe(0);
    await moderate('APPROVE');
    expect((await scores(everything, [author]))[author]).toBeCloseTo(1, 4);
    await deliver(medium.get(DeletionEvidence), post, envelope());
    expect((await scores(everything, [author]))[author]).toBe(0);
  });

  it('when evidence is on a sub-topic, then it counts for the parent too, halving every 180 days', async () => {
    const author = randomUUID();
    const old = new Date(Date.now() - 180 * DAY_MS);
    await deliver(
      medium.get(AcceptedAnswerEvidence),
      { ...published(thread(space, [subTopicId]), author), acceptedBy: randomUUID() },
      envelope(old),
    );
    expect((await scores(everything, [author], subTopicId))[author]).toBeCloseTo(5, 2);
    expect((await scores(everything, [author], topicId))[author]).toBeCloseTo(5, 2);
  });

  it('when a customer looks, then internal notes and unreadable spaces do not count; a moved thread counts where it went', async () => {
    const author = randomUUID();
    const [open, closed] = [randomUUID(), randomUUID()];
    const replies = medium.get(ReplyEvidence);
    await deliver(replies, published(thread(open, [topicId]), author), envelope());
    await deliver(replies, published(thread(open, [topicId]), author, { visibility: 'INTERNAL' }), envelope());
    const elsewhere = thread(closed, [topicId]);
    await deliver(replies, published(elsewhere, author), envelope());

    const customer: EvidenceViewer = { readableSpaceIds: [open], employee: false };
    const employee: EvidenceViewer = { readableSpaceIds: [open], employee: true };
    expect((await scores(customer, [author]))[author]).toBeCloseTo(1, 4);
    expect((await scores(employee, [author]))[author]).toBeCloseTo(2, 4);

    await deliver(medium.get(MovedThreadEvidence), { threadId: elsewhere.threadId, spaceId: open }, envelope());
    expect((await scores(customer, [author]))[author]).toBeCloseTo(2, 4);
  });
});
