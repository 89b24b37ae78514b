import { identity, type PostStatus, type UserPrincipal } from '@kern/contracts';
import { badInput, rateLimited, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { THREADS_CONFIG, type ThreadsConfig } from '../config/threads.config';
import { ModerationRepository } from './moderation.repository';
import { checkSpam, type SpamClassifier, type SpamVerdict } from './spam-check';
import { countLinks, countMentions } from './text-features';
import {
  type AuthorStanding,
  checkNewAccountLimits,
  flagCountsTowardHiding,
  isNewAccount,
  type NewAccountLimits,
} from './trust';

/** An external classifier (e.g. an Akismet adapter) is provided under this token; none by default. */
export const SPAM_CLASSIFIER = Symbol('SpamClassifier');

export interface Admission {
  status: Extract<PostStatus, 'VISIBLE' | 'PENDING_REVIEW'>;
  spam: SpamVerdict | null;
}

/** What is being written: a new thread or reply, or new text for an existing post (its thread's title with it, for an opening post). */
export type Writing =
  | { kind: 'THREAD'; title: string; body: string }
  | { kind: 'REPLY'; body: string }
  | { kind: 'EDIT'; postId: string; title?: string; body: string };

/**
 * Decides whether a thread, reply, edit or flag may be written now, and whether a post shows at
 * once or waits for a moderator: the per-account write rate for everyone, the new-account limits
 * and the spam check for customers who have not earned trust yet (employees are trusted from day
 * one). Use cases call it after their access checks and before their transaction.
 */
@Injectable()
export class PostingPolicy {
  private readonly limits: NewAccountLimits;

  constructor(
    @Inject(THREADS_CONFIG) private readonly config: ThreadsConfig,
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly moderation: ModerationRepository,
    @Inject(SPAM_CLASSIFIER) private readonly classifier: SpamClassifier | null,
  ) {
    this.limits = {
      linksPerPost: config.NEW_ACCOUNT_LINKS_PER_POST,
      mentionsPerPost: config.NEW_ACCOUNT_MENTIONS_PER_POST,
      threadsOnFirstDay: config.NEW_ACCOUNT_THREADS_FIRST_DAY,
      repliesOnFirstDay: config.NEW_ACCOUNT_REPLIES_FIRST_DAY,
      secondsBetweenPosts: config.NEW_ACCOUNT_SECONDS_BETWEEN_POSTS,
    };
  }

  /**
   * Takes one of the account's writes of the minute, or throws RATE_LIMITED (with
   * `retryAfterSeconds`). Reserved before the slow work, so writes in parallel cannot all pass.
   */
  async reserveWrite(principal: UserPrincipal): Promise<void> {
    if (await this.moderation.reserveWrite(principal.userId, this.config.WRITES_PER_MINUTE)) return;
    const oldest = (await this.moderation.oldestWriteLastMinute(principal.userId))?.getTime() ?? Date.now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + 60_000 - Date.now()) / 1000));
    throw rateLimited(`Too many posts, edits and flags in a minute; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }

  async admit(principal: UserPrincipal, writing: Writing): Promise<Admission> {
    await this.reserveWrite(principal);
    if (principal.kind === 'EMPLOYEE') return { status: 'VISIBLE', spam: null };
    const editedPostId = writing.kind === 'EDIT' ? writing.postId : null;
    const { standing, recentBodies } = await this.standingOf(principal, editedPostId);
    const now = new Date();
    const title = writing.kind === 'REPLY' ? undefined : writing.title;
    const text = `${title ?? ''}\n${writing.body}`;
    const violation = checkNewAccountLimits(
      standing,
      { kind: writing.kind, links: countLinks(text), mentions: countMentions(text) },
      now,
      this.limits,
    );
    if (violation?.retryAfterSeconds !== undefined) {
      throw rateLimited(violation.message, { limit: violation.limit, retryAfterSeconds: violation.retryAfterSeconds });
    }
    if (violation) throw badInput(violation.message, { field: 'body', limit: violation.limit });
    const spam = await checkSpam(
      {
        body: writing.body,
        title,
        recentBodies,
        // An edit follows its own post by seconds when a typo is fixed: that is no posting speed.
        secondsSinceLastPost:
          standing.lastPostAt && !editedPostId ? (now.getTime() - standing.lastPostAt.getTime()) / 1000 : null,
        newAccount: isNewAccount(standing, now),
      },
      this.classifier ?? undefined,
    );
    return { status: spam.held ? 'PENDING_REVIEW' : 'VISIBLE', spam };
  }

  /** Whether the principal's flag counts toward hiding a post (see `flagCountsTowardHiding`). */
  async flagCountsTowardHiding(principal: UserPrincipal): Promise<boolean> {
    const { standing } = await this.standingOf(principal, null);
    return flagCountsTowardHiding({ ...standing, emailVerified: principal.emailVerified }, new Date());
  }

  private async standingOf(
    principal: UserPrincipal,
    editedPostId: string | null,
  ): Promise<{ standing: AuthorStanding; recentBodies: string[] }> {
    const { users } = await this.client.call(identity.getUsers, { ids: [principal.userId] }, principal);
    const accountCreatedAt = new Date(users[0]?.createdAt ?? Date.now());
    const activity = await this.moderation.activityOf(principal.userId, accountCreatedAt, editedPostId);
    const standing: AuthorStanding = {
      kind: principal.kind,
      accountCreatedAt,
      postsNotRemoved: activity.postsNotRemoved,
      threadsToday: activity.threadsSince,
      repliesToday: activity.repliesSince,
      lastPostAt: activity.lastPostAt,
    };
    return { standing, recentBodies: activity.recentBodies };
  }
}
