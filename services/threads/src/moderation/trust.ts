/** What the forum knows about a post's author when deciding how far to trust them. */
export interface AuthorStanding {
  kind: 'EMPLOYEE' | 'CUSTOMER';
  accountCreatedAt: Date;
  /**
   * Published posts that moderators have not removed. Leave out posts still held for review, or three
   * held spam posts would lift the author's limits.
   */
  postsNotRemoved: number;
  /** Threads the author started in the last 24 hours (on the first day: all of them). */
  threadsToday: number;
  /** Replies the author wrote in the last 24 hours (on the first day: all of them). */
  repliesToday: number;
  lastPostAt: Date | null;
}

const FIRST_DAY_MS = 24 * 60 * 60 * 1000;
const POSTS_TO_LEAVE_NEW = 3;

export type NewAccountLimits = Record<
  'linksPerPost' | 'mentionsPerPost' | 'threadsOnFirstDay' | 'repliesOnFirstDay' | 'secondsBetweenPosts',
  number
>;

export const NEW_ACCOUNT_LIMITS: NewAccountLimits = {
  linksPerPost: 2,
  mentionsPerPost: 2,
  threadsOnFirstDay: 3,
  repliesOnFirstDay: 10,
  secondsBetweenPosts: 30,
};

/**
 * A customer on their first day, or with fewer than 3 posts that survived moderation. Employees are
 * never new: the company vouches for them, and they answer many questions on their first day.
 */
export function isNewAccount(standing: AuthorStanding, now: Date): boolean {
  if (standing.kind === 'EMPLOYEE') return false;
  const onFirstDay = now.getTime() - standing.accountCreatedAt.getTime() < FIRST_DAY_MS;
  return onFirstDay || standing.postsNotRemoved < POSTS_TO_LEAVE_NEW;
}

export type NewAccountLimit = 'LINKS' | 'MENTIONS' | 'THREADS_PER_DAY' | 'REPLIES_PER_DAY' | 'TOO_SOON';

export interface LimitViolation {
  limit: NewAccountLimit;
  /** Shown to the author as is. */
  message: string;
  /** Only where waiting lifts the limit; for links and mentions the author edits the post instead. */
  retryAfterSeconds?: number;
}

export interface PostShape {
  /** EDIT: new text for an existing post. */
  kind: 'THREAD' | 'REPLY' | 'EDIT';
  links: number;
  mentions: number;
}

/**
 * The first limit a new account's post breaks, or null. The day's quota comes first (nothing else
 * helps then), the pause between posts last: it has usually passed by the time the post is edited.
 * An edit adds no post, so only what it contains is limited: fixing a typo right away is no flood.
 * `limits` are NEW_ACCOUNT_LIMITS unless the operator configured others (tests raise them).
 */
export function checkNewAccountLimits(
  standing: AuthorStanding,
  post: PostShape,
  now: Date,
  limits: NewAccountLimits = NEW_ACCOUNT_LIMITS,
): LimitViolation | null {
  if (!isNewAccount(standing, now)) return null;
  if (post.kind === 'EDIT') return contentLimit(post, limits);
  return (
    firstDayQuota(standing, post, now, limits) ?? contentLimit(post, limits) ?? pauseBetweenPosts(standing, now, limits)
  );
}

/** What decides whether a member's flag counts toward hiding a post. */
export type FlaggerStanding = Pick<AuthorStanding, 'kind' | 'accountCreatedAt' | 'postsNotRemoved'> & {
  emailVerified: boolean;
};

/**
 * Whether a member's flag counts toward hiding a post: from a verified account that is a day old or
 * has 3 posts that survived moderation (employees: verified is enough). Otherwise three accounts made
 * a minute ago hide anyone's answer. Such flags are still recorded and shown to moderators.
 */
export function flagCountsTowardHiding(standing: FlaggerStanding, now: Date): boolean {
  if (!standing.emailVerified) return false;
  if (standing.kind === 'EMPLOYEE') return true;
  return (
    now.getTime() - standing.accountCreatedAt.getTime() >= FIRST_DAY_MS ||
    standing.postsNotRemoved >= POSTS_TO_LEAVE_NEW
  );
}

function firstDayQuota(
  standing: AuthorStanding,
  post: PostShape,
  now: Date,
  limits: NewAccountLimits,
): LimitViolation | null {
  const msLeftOfFirstDay = standing.accountCreatedAt.getTime() + FIRST_DAY_MS - now.getTime();
  if (msLeftOfFirstDay <= 0) return null;
  const retryAfterSeconds = Math.ceil(msLeftOfFirstDay / 1000);
  if (post.kind === 'THREAD' && standing.threadsToday >= limits.threadsOnFirstDay) {
    const message = `New accounts can start at most ${limits.threadsOnFirstDay} threads on their first day. Try again in ${describeWait(retryAfterSeconds)}.`;
    return { limit: 'THREADS_PER_DAY', message, retryAfterSeconds };
  }
  if (post.kind === 'REPLY' && standing.repliesToday >= limits.repliesOnFirstDay) {
    const message = `New accounts can write at most ${limits.repliesOnFirstDay} replies on their first day. Try again in ${describeWait(retryAfterSeconds)}.`;
    return { limit: 'REPLIES_PER_DAY', message, retryAfterSeconds };
  }
  return null;
}

function contentLimit(post: PostShape, limits: NewAccountLimits): LimitViolation | null {
  if (post.links > limits.linksPerPost) {
    return { limit: 'LINKS', message: `New accounts can include at most ${limits.linksPerPost} links in a post.` };
  }
  if (post.mentions > limits.mentionsPerPost) {
    return {
      limit: 'MENTIONS',
      message: `New accounts can mention at most ${limits.mentionsPerPost} people in a post.`,
    };
  }
  return null;
}

function pauseBetweenPosts(standing: AuthorStanding, now: Date, limits: NewAccountLimits): LimitViolation | null {
  if (standing.lastPostAt === null) return null;
  // A last post "in the future" (clocks a little apart) means it was just now, not a longer wait.
  const elapsedMs = Math.max(0, now.getTime() - standing.lastPostAt.getTime());
  const msToWait = limits.secondsBetweenPosts * 1000 - elapsedMs;
  if (msToWait <= 0) return null;
  const retryAfterSeconds = Math.ceil(msToWait / 1000);
  return {
    limit: 'TOO_SOON',
    message: `Please wait ${describeWait(retryAfterSeconds)} before posting again.`,
    retryAfterSeconds,
  };
}

function describeWait(seconds: number): string {
  const [amount, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
