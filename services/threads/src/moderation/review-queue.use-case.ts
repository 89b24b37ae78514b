import type { PostReply, Principal } from '@kern/contracts';
import { forbidden, notFound, parseSequenceCursor } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { readerOf } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { toPostReply } from '../posts/posts.mapper';
import { ModerationRepository } from './moderation.repository';

@Injectable()
export class ReviewQueueUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly moderation: ModerationRepository,
  ) {}

  /** One space's queue, or the queues of every space the principal moderates. */
  async execute(
    query: { spaceId?: string; first: number; after?: string },
    principal: Principal,
  ): Promise<{ posts: PostReply[]; hasNextPage: boolean }> {
    const after = query.after === undefined ? undefined : parseSequenceCursor(query.after);
    const candidates = query.spaceId ? [query.spaceId] : await this.moderation.spacesWithQueue();
    const access = await this.spaces.forSpaces(candidates, principal);
    if (query.spaceId) {
      const entry = access.get(query.spaceId);
      if (!entry) throw notFound('Space');
      if (!entry.moderate) throw forbidden("Only the space's moderators see its review queue");
    }
    const moderated = [...access.values()].filter((entry) => entry.moderate);
    if (moderated.length === 0) return { posts: [], hasNextPage: false };
    // Moderators of several spaces are employees or customers alike; internal notes follow the principal's kind.
    const reader = readerOf(principal, moderated[0]);
    const rows = await this.moderation.queue(
      reader,
      moderated.map((entry) => entry.spaceId),
      query.first,
      after,
    );
    return {
      posts: rows.slice(0, query.first).map((row) => toPostReply(row, reader)),
      hasNextPage: rows.length > query.first,
    };
  }
}
