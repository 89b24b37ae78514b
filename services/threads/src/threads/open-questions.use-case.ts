import type { Principal, ThreadReply } from '@kern/contracts';
import { Database } from '@kern/database';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadsRepository } from './threads.repository';
import { toThreadReply } from './threads.mapper';

/** A ranked list pages by position; deeper than this, nobody is looking for questions to answer. */
const MAX_DEPTH = 500;

/**
 * Questions still waiting for an answer: no reply the asker can see, no accepted answer, not locked,
 * in spaces the principal may read.
 */
const OPEN_QUESTION = `t.kind = 'QUESTION' AND t.accepted_post_id IS NULL AND t.locked_at IS NULL AND t.reply_count_everyone = 0
  AND EXISTS (SELECT 1 FROM threads.posts o WHERE o.thread_id = t.id AND o.opening AND o.status = 'VISIBLE')`;

@Injectable()
export class OpenQuestionsUseCase {
  constructor(
    private readonly db: Database,
    private readonly spaces: SpaceAccessClient,
    private readonly threads: ThreadsRepository,
  ) {}

  /** Best match with the topic weights first (the sum over shared topics), then newest. */
  async list(
    query: { topics: Array<{ topicId: string; weight: number }>; first: number; after?: string },
    principal: Principal,
  ) {
    const offset = query.after === undefined ? 0 : Number(query.after);
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_DEPTH)
      throw badInput('Invalid cursor', { field: 'after' });
    const readable = await this.spaces.readableSpaceIds(principal);
    if (readable.length === 0 || query.topics.length === 0) return { threads: [], hasNextPage: false };
    const rows: Array<{ id: string; spaceId: string }> = await this.db.query(
      `SELECT t.id, t.space_id AS "spaceId" FROM threads.threads t
       JOIN LATERAL (SELECT coalesce(sum(w.weight), 0) AS score FROM unnest($2::uuid[], $3::float8[]) AS w(topic_id, weight) WHERE w.topic_id = ANY(t.topic_ids)) m ON true
       WHERE t.space_id = ANY($1::uuid[]) AND ${OPEN_QUESTION} AND m.score > 0 AND t.author_id <> coalesce($6::uuid, '00000000-0000-0000-0000-000000000000')
       ORDER BY m.score DESC, t.created_at DESC, t.id LIMIT $4 OFFSET $5`,
      [
        readable,
        query.topics.map((topic) => topic.topicId),
        query.topics.map((topic) => topic.weight),
        query.first + 1,
        offset,
        principal.kind === 'ANONYMOUS' ? null : principal.userId,
      ],
    );
    const page = rows.slice(0, query.first);
    const access = await this.spaces.forSpaces(
      page.map((row) => row.spaceId),
      principal,
    );
    const threads: ThreadReply[] = [];
    for (const row of page) {
      const entry = access.get(row.spaceId);
      if (!entry?.read) continue;
      const reader = readerOf(principal, entry);
      const [thread] = await this.threads.findVisible(reader, [row.id]);
      if (thread) threads.push(toThreadReply(thread, reader));
    }
    return { threads, hasNextPage: rows.length > query.first && offset + query.first < MAX_DEPTH };
  }

  async topics(principal: Principal): Promise<Array<{ topicId: string; openQuestions: number }>> {
    const readable = await this.spaces.readableSpaceIds(principal);
    return this.db.query(
      `SELECT topic_id AS "topicId", count(*)::int AS "openQuestions" FROM threads.threads t, unnest(t.topic_ids) AS topic_id
       WHERE t.space_id = ANY($1::uuid[]) AND ${OPEN_QUESTION} GROUP BY topic_id ORDER BY count(*) DESC`,
      [readable],
    );
  }
}
