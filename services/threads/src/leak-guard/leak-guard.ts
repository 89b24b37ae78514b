import {
  type Audience,
  type LeakReason,
  type Principal,
  type PostVisibility,
  spaces,
  type UserPrincipal,
} from '@kern/contracts';
import { confirmationRequired, DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { findLeak, type Leak, type LeakSource, type LeakSources } from './find-leak';
import { LeakGuardRepository } from './leak-guard.repository';
import { referencedIds, referencedSpaceSlugs } from './passages';

const MAX_SLUGS = 5;

const MESSAGES: Record<LeakReason, string> = {
  LINKS_TO_INTERNAL: 'This text links to an internal space or thread, and customers will read it',
  REPEATS_INTERNAL: 'This text repeats a passage of an internal note or internal thread, and customers will read it',
};

export interface PublicText {
  text: string;
  audience: Audience;
  visibility: PostVisibility;
  /** The thread it is written in (a reply, an edit); null for a new thread. */
  threadId: string | null;
  /** For a new thread: the space it opens in, whose internal notes it is compared with. */
  spaceId?: string;
  confirmed?: boolean;
}

/**
 * Channel confusion (writing to customers what was meant for colleagues) is the most common leak in
 * shared-channel products. Before an employee's text reaches customers, the guard looks for links to
 * internal spaces and threads and for what it repeats of internal text the employee may read: the
 * thread's internal notes (for a new thread, those of the space's threads) and the internal threads
 * they were escalated to. It asks for a confirmation when it finds one. It fails closed: when the
 * spaces service does not answer, the write fails (SERVICE_UNAVAILABLE) rather than go out unchecked.
 */
@Injectable()
export class LeakGuard {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly repository: LeakGuardRepository,
  ) {}

  async check(post: PublicText, principal: Principal): Promise<void> {
    if (principal.kind !== 'EMPLOYEE' || post.confirmed) return;
    if (post.audience !== 'EXTERNAL' || post.visibility !== 'EVERYONE') return;
    if (await this.linksToInternal(post.text, principal)) throw leakFound('LINKS_TO_INTERNAL');
    const leak = await this.repeatsInternal(post, principal);
    if (leak) throw leakFound('REPEATS_INTERNAL', { match: leak.match });
  }

  private async linksToInternal(text: string, principal: Principal): Promise<boolean> {
    const { threadIds, spaceIds, unknownIds } = referencedIds(text);
    const places = await this.repository.spacesOf([...threadIds, ...unknownIds]);
    const access = await this.spaces.forSpaces([...spaceIds, ...unknownIds, ...places], principal);
    if ([...access.values()].some((entry) => entry.audience === 'INTERNAL')) return true;
    for (const slug of referencedSpaceSlugs(text).slice(0, MAX_SLUGS)) {
      const space = await this.client.call(spaces.getSpace, { slug }, principal).catch((error: unknown) => {
        // A space the author cannot see (or that does not exist) tells them nothing; any other failure is no answer.
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
        throw error;
      });
      if (space?.audience === 'INTERNAL') return true;
    }
    return false;
  }

  private async repeatsInternal(post: PublicText, principal: UserPrincipal): Promise<Leak | null> {
    const threadIds = post.threadId
      ? [post.threadId]
      : post.spaceId
        ? await this.repository.candidateThreads(post.spaceId, principal.userId)
        : [];
    if (threadIds.length === 0) return null;
    const sources = await this.sourcesIn(threadIds, principal);
    return sources ? findLeak(post.text, sources) : null;
  }

  /**
   * The internal text of these threads the author may read, and what their customers read already;
   * null when there is no internal text to compare with.
   */
  private async sourcesIn(threadIds: string[], principal: Principal): Promise<LeakSources | null> {
    const notes = await this.repository.internalNotes(threadIds);
    // Everything in a linked thread of an internal space (an escalation) is internal, whatever its visibility there.
    const linked = await this.repository.linkedThreads(threadIds);
    const access = await this.spaces.forSpaces(
      linked.map((thread) => thread.spaceId),
      principal,
    );
    const internalThreads = linked.filter(
      (thread) => access.get(thread.spaceId)?.read && access.get(thread.spaceId)?.audience === 'INTERNAL',
    );
    const linkedPosts =
      internalThreads.length > 0 ? await this.repository.allPosts(internalThreads.map((thread) => thread.id)) : [];
    if (notes.length + linkedPosts.length === 0) return null;

    const readThreads = [
      ...new Set([...notes.map((note) => note.threadId), ...internalThreads.map((thread) => thread.partnerId)]),
    ];
    const publicPosts = await this.repository.publicPosts(readThreads);
    const titles = await this.repository.titles(readThreads);
    const internal: LeakSource[] = [...notes, ...linkedPosts].map(({ html }) => ({ html }));
    internal.push(...internalThreads.map((thread) => ({ text: thread.title })));
    return {
      internal,
      alreadyPublic: [...publicPosts.map(({ html }) => ({ html })), ...titles.map((title) => ({ text: title }))],
    };
  }
}

function leakFound(reason: LeakReason, details: { match?: string } = {}) {
  return confirmationRequired(
    `${MESSAGES[reason]}: check it, then send it again with confirmPublic: true`,
    'confirmPublic',
    {
      reason,
      ...details,
    },
  );
}
