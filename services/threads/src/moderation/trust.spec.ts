import {
  type AuthorStanding,
  type FlaggerStanding,
  type PostShape,
  checkNewAccountLimits,
  flagCountsTowardHiding,
  isNewAccount,
} from './trust';

const now = new Date('2025-06-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function customer(overrides: Partial<AuthorStanding> = {}): AuthorStanding {
  return {
    kind: 'CUSTOMER',
    accountCreatedAt: hoursAgo(2),
    postsNotRemoved: 0,
    threadsToday: 0,
    repliesToday: 0,
    lastPostAt: null,
    ...overrides,
  };
}

const established = (overrides: Partial<AuthorStanding> = {}) =>
  customer({ accountCreatedAt: hoursAgo(24 * 30), postsNotRemoved: 12, ...overrides });

const reply: PostShape = { kind: 'REPLY', links: 0, mentions: 0 };
const thread: PostShape = { kind: 'THREAD', links: 0, mentions: 0 };
const edit: PostShape = { kind: 'EDIT', links: 0, mentions: 0 };

describe('isNewAccount', () => {
  it('counts a customer on their first day as new, whatever they posted', () => {
    expect(isNewAccount(customer({ accountCreatedAt: hoursAgo(23.9), postsNotRemoved: 50 }), now)).toBe(true);
  });

  it('counts an older customer with fewer than 3 surviving posts as new', () => {
    expect(isNewAccount(customer({ accountCreatedAt: hoursAgo(24 * 10), postsNotRemoved: 2 }), now)).toBe(true);
  });

  it('trusts a customer after their first day and 3 surviving posts', () => {
    expect(isNewAccount(customer({ accountCreatedAt: hoursAgo(24), postsNotRemoved: 3 }), now)).toBe(false);
  });

  it('never counts an employee as new, even in their first hour without posts', () => {
    expect(isNewAccount(customer({ kind: 'EMPLOYEE', accountCreatedAt: hoursAgo(0.5) }), now)).toBe(false);
  });
});

describe('checkNewAccountLimits', () => {
  it('lets a new customer post 2 links and mention 2 people', () => {
    expect(checkNewAccountLimits(customer(), { kind: 'REPLY', links: 2, mentions: 2 }, now)).toBeNull();
  });

  it('refuses a third link, with no retry time: waiting does not help', () => {
    const violation = checkNewAccountLimits(customer(), { ...reply, links: 3 }, now);
    expect(violation).toEqual({ limit: 'LINKS', message: expect.stringContaining('2 links') });
  });

  it('refuses a third mention', () => {
    expect(checkNewAccountLimits(customer(), { ...thread, mentions: 3 }, now)?.limit).toBe('MENTIONS');
  });

  it('refuses a fourth thread on the first day, until the first day is over', () => {
    const standing = customer({ accountCreatedAt: hoursAgo(20), threadsToday: 3 });
    expect(checkNewAccountLimits(standing, thread, now)).toEqual({
      limit: 'THREADS_PER_DAY',
      message: 'New accounts can start at most 3 threads on their first day. Try again in 4 hours.',
      retryAfterSeconds: 4 * 3600,
    });
  });

  it('still allows a reply when only the thread quota is used up', () => {
    expect(checkNewAccountLimits(customer({ threadsToday: 3 }), reply, now)).toBeNull();
  });

  it('refuses an eleventh reply on the first day, until the first day is over', () => {
    const standing = customer({ accountCreatedAt: secondsAgo(24 * 3600 - 90), repliesToday: 10 });
    const violation = checkNewAccountLimits(standing, reply, now);
    expect(violation).toEqual({
      limit: 'REPLIES_PER_DAY',
      message: expect.stringContaining('2 minutes'),
      retryAfterSeconds: 90,
    });
  });

  it('drops the day quotas after the first day, while the account is still new for lack of posts', () => {
    const standing = customer({
      accountCreatedAt: hoursAgo(30),
      postsNotRemoved: 1,
      threadsToday: 5,
      repliesToday: 20,
    });
    expect(checkNewAccountLimits(standing, thread, now)).toBeNull();
    expect(checkNewAccountLimits(standing, { ...reply, links: 3 }, now)?.limit).toBe('LINKS');
  });

  it('asks a new customer to wait out the rest of the 30 seconds between posts', () => {
    const violation = checkNewAccountLimits(customer({ lastPostAt: secondsAgo(12.5) }), reply, now);
    expect(violation).toEqual({
      limit: 'TOO_SOON',
      message: 'Please wait 18 seconds before posting again.',
      retryAfterSeconds: 18,
    });
  });

  it('lets a new customer post again once 30 seconds have passed', () => {
    expect(checkNewAccountLimits(customer({ lastPostAt: secondsAgo(30) }), reply, now)).toBeNull();
  });

  it('waits no more than the full pause when the last post seems to be in the future', () => {
    const violation = checkNewAccountLimits(customer({ lastPostAt: new Date(now.getTime() + 5000) }), reply, now);
    expect(violation?.retryAfterSeconds).toBe(30);
  });

  it('reports the day quota before anything the author could fix by editing', () => {
    const standing = customer({ threadsToday: 3, lastPostAt: secondsAgo(1) });
    expect(checkNewAccountLimits(standing, { ...thread, links: 9 }, now)?.limit).toBe('THREADS_PER_DAY');
  });

  it('reports too many links before the pause, which passes while the post is edited', () => {
    expect(checkNewAccountLimits(customer({ lastPostAt: secondsAgo(1) }), { ...reply, links: 3 }, now)?.limit).toBe(
      'LINKS',
    );
  });

  it('sets no limits for an employee on their first day', () => {
    const employee = customer({ kind: 'EMPLOYEE', threadsToday: 10, repliesToday: 50, lastPostAt: secondsAgo(1) });
    expect(checkNewAccountLimits(employee, { kind: 'THREAD', links: 10, mentions: 10 }, now)).toBeNull();
  });

  it('sets no limits for an established customer', () => {
    expect(
      checkNewAccountLimits(established({ lastPostAt: secondsAgo(1) }), { ...reply, links: 5, mentions: 5 }, now),
    ).toBeNull();
  });
});

describe('checkNewAccountLimits for an edit', () => {
  it("limits the links and mentions an edit puts in a new account's post", () => {
    expect(checkNewAccountLimits(customer(), { ...edit, links: 3 }, now)?.limit).toBe('LINKS');
    expect(checkNewAccountLimits(customer(), { ...edit, mentions: 3 }, now)?.limit).toBe('MENTIONS');
  });

  it('lets a new account fix a typo at once, even with its day quotas used up', () => {
    const standing = customer({ threadsToday: 3, repliesToday: 10, lastPostAt: secondsAgo(1) });
    expect(checkNewAccountLimits(standing, edit, now)).toBeNull();
  });

  it("sets no limits on an established customer's edit", () => {
    expect(checkNewAccountLimits(established(), { ...edit, links: 9 }, now)).toBeNull();
  });
});

describe('flagCountsTowardHiding', () => {
  const flagger = (overrides: Partial<FlaggerStanding> = {}): FlaggerStanding => ({
    kind: 'CUSTOMER',
    emailVerified: true,
    accountCreatedAt: hoursAgo(0.05),
    postsNotRemoved: 0,
    ...overrides,
  });

  it('ignores an account minutes old without posts', () => {
    expect(flagCountsTowardHiding(flagger(), now)).toBe(false);
  });

  it('counts a verified account a day old, or one with 3 surviving posts', () => {
    expect(flagCountsTowardHiding(flagger({ accountCreatedAt: hoursAgo(24) }), now)).toBe(true);
    expect(flagCountsTowardHiding(flagger({ postsNotRemoved: 3 }), now)).toBe(true);
    expect(flagCountsTowardHiding(flagger({ postsNotRemoved: 2, accountCreatedAt: hoursAgo(23) }), now)).toBe(false);
  });

  it('never counts an unverified account, however old or active', () => {
    expect(
      flagCountsTowardHiding(
        flagger({ emailVerified: false, accountCreatedAt: hoursAgo(24 * 365), postsNotRemoved: 100 }),
        now,
      ),
    ).toBe(false);
  });

  it('counts a verified employee from the first minute', () => {
    expect(flagCountsTowardHiding(flagger({ kind: 'EMPLOYEE' }), now)).toBe(true);
    expect(flagCountsTowardHiding(flagger({ kind: 'EMPLOYEE', emailVerified: false }), now)).toBe(false);
  });
});
