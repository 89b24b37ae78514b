import { type Audience, type LeakReason, type Principal, type PostVisibility, spaces } from '@kern/contracts';
import { Database } from '@kern/database';
import { DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { ThreadLinksRepository } from '../links/thread-links.repository';
import { referencedIds, referencedSpaceSlugs, repeatsPassage } from './passages';

/** How much internal text a post is compared with: enough for any real conversation, bounded for huge ones. */
const MAX_SOURCES = 500;
const MAX_SLUGS = 5;

const MESSAGES: Record<LeakReason, string> = {
  LINKS_TO_INTERNAL: 'This text links to an internal space or thread, and customers will read it',
  REPEATS_INTERNAL: 'This text repeats a passage of an internal note or internal thread, and customers will read it',
};

/**
 * Channel confusion (writing to customers what was meant for colleagues) is the most common leak in
 * shared-channel products. Before an employee's text reaches customers, the guard looks for links to
 * internal spaces and threads and for passages copied from internal notes (of this thread, and of
 * the internal threads it was escalated to), and asks for a confirmation when it finds one.
 */
@Injectable()
export class LeakGuard {
  constructor(
    private readonly db: Database,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly links: ThreadLinksRepository,
  ) {}

  async check(post: { text: string; audience: Audience; visibility: PostVisibility; threadId: string | null; confirmed?: boolean }, principal: Principal): Promise<void> {
    if (principal.kind !== 'EMPLOYEE' || post.confirmed) return;
    if (post.audience !== 'EXTERNAL' || post.visibility !== 'EVERYONE') return;
    const reason = (await this.linksToInternal(post.text, principal)) ? 'LINKS_TO_INTERNAL' : (await this.repeatsInternal(post.text, post.threadId, principal)) ? 'REPEATS_INTERNAL' : null;
    if (reason) throw new DomainError('CONFIRMATION_REQUIRED', `${MESSAGES[reason]}: check it, then send it again with confirmPublic: true`, { reason, field: 'confirmPublic' });
  }

  private async linksToInternal(text: string, principal: Principal): Promise<boolean> {
    const { threadIds, spaceIds, unknownIds } = referencedIds(text);
    const candidates = [...threadIds, ...unknownIds];
    const places: Array<{ space_id: string }> = candidates.length
      ? await this.db.query(
          `SELECT space_id FROM threads.threads WHERE id = ANY($1::uuid[])
           UNION SELECT t.space_id FROM threads.posts p JOIN threads.threads t ON t.id = p.thread_id WHERE p.id = ANY($1::uuid[])`,
          [candidates],
        )
      : [];
    const access = await this.spaces.forSpaces([...spaceIds, ...unknownIds, ...places.map((place) => place.space_id)], principal);
    if ([...access.values()].some((entry) => entry.audience === 'INTERNAL')) return true;
    for (const slug of referencedSpaceSlugs(text).slice(0, MAX_SLUGS)) {
      const space = await this.client.call(spaces.getSpace, { slug }, principal).catch(() => null);
      if (space?.audience === 'INTERNAL') return true;
    }
    return false;
  }

  private async repeatsInternal(text: string, threadId: string | null, principal: Principal): Promise<boolean> {
    if (!threadId) return false;
    const rows: Array<{ body: string }> = await this.db.query(
      `SELECT body FROM threads.posts WHERE thread_id = $1 AND visibility = 'INTERNAL' ORDER BY seq DESC LIMIT $2`,
      [threadId, MAX_SOURCES],
    );
    // Everything in a linked thread of an internal space (an escalation) is internal, whatever its visibility there.
    const linked: Array<{ id: string; space_id: string }> = await this.db.query(`SELECT id, space_id FROM threads.threads WHERE id = ANY($1::uuid[])`, [
      await this.links.linkedTo(threadId),
    ]);
    const access = await this.spaces.forSpaces(linked.map((thread) => thread.space_id), principal);
    const internal = linked.filter((thread) => access.get(thread.space_id)?.audience === 'INTERNAL').map((thread) => thread.id);
    if (internal.length > 0) {
      rows.push(...(await this.db.query(`SELECT body FROM threads.posts WHERE thread_id = ANY($1::uuid[]) ORDER BY seq DESC LIMIT $2`, [internal, MAX_SOURCES])));
    }
    return repeatsPassage(text, rows.map((row) => row.body));
  }
}
