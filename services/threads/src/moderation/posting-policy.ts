import { identity, type PostStatus, type UserPrincipal } from '@kern/contracts';
import { badInput, DomainError, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { THREADS_CONFIG, type ThreadsConfig } from '../config/threads.config';
import { ModerationRepository } from './moderation.repository';
import { checkSpam, type SpamClassifier, type SpamVerdict } from './spam-check';
import { countLinks, countMentions } from './text-features';
import { checkNewAccountLimits, isNewAccount, type NewAccountLimits } from './trust';

/** An external classifier (e.g. an Akismet adapter) is provided under this token; none by default. */
export const SPAM_CLASSIFIER = Symbol('SpamClassifier');

export interface Admission {
  status: Extract<PostStatus, 'VISIBLE' | 'PENDING_REVIEW'>;
  spam: SpamVerdict | null;
}

/**
 * Decides whether a new thread or reply may be written now, and whether it shows at once or waits
 * for a moderator: the per-account write rate for everyone, the new-account limits and the spam
 * check for customers who have not earned trust yet (employees are trusted from day one).
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

  /** Throws RATE_LIMITED (with `retryAfterSeconds`) when the account writes too fast. */
  async assertWriteRate(principal: UserPrincipal): Promise<void> {
    const rate = await this.moderation.writeRate(principal.userId);
    if (rate.writesLastMinute < this.config.WRITES_PER_MINUTE) return;
    const oldest = rate.oldestWriteLastMinute?.getTime() ?? Date.now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + 60_000 - Date.now()) / 1000));
    throw new DomainError('RATE_LIMITED', `Too many posts and flags in a minute; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }

  async admit(principal: UserPrincipal, post: { kind: 'THREAD' | 'REPLY'; title?: string; body: string }): Promise<Admission> {
    await this.assertWriteRate(principal);
    if (principal.kind === 'EMPLOYEE') return { status: 'VISIBLE', spam: null };
    const { users } = await this.client.call(identity.getUsers, { ids: [principal.userId] }, principal);
    const accountCreatedAt = new Date(users[0]?.createdAt ?? Date.now());
    const activity = await this.moderation.activityOf(principal.userId, accountCreatedAt);
    const now = new Date();
    const standing = {
      kind: principal.kind,
      accountCreatedAt,
      postsNotRemoved: activity.postsNotRemoved,
      threadsToday: activity.threadsSince,
      repliesToday: activity.repliesSince,
      lastPostAt: activity.lastPostAt,
    };
    const text = `${post.title ?? ''}\n${post.body}`;
    const violation = checkNewAccountLimits(standing, { kind: post.kind, links: countLinks(text), mentions: countMentions(text) }, now, this.limits);
    if (violation?.retryAfterSeconds !== undefined) {
      throw new DomainError('RATE_LIMITED', violation.message, { limit: violation.limit, retryAfterSeconds: violation.retryAfterSeconds });
    }
    if (violation) throw badInput(violation.message, { field: 'body', limit: violation.limit });
    const newAccount = isNewAccount(standing, now);
    const spam = await checkSpam(
      {
        body: post.body,
        title: post.title,
        recentBodies: activity.recentBodies,
        secondsSinceLastPost: activity.lastPostAt ? (now.getTime() - activity.lastPostAt.getTime()) / 1000 : null,
        newAccount,
      },
      this.classifier ?? undefined,
    );
    return { status: spam.held ? 'PENDING_REVIEW' : 'VISIBLE', spam };
  }
}
