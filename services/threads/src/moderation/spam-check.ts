import { countLinks, hasEmailAddress, hasMoneyOffer, hasPhoneNumber, similarity } from './text-features';

export interface SpamSignals {
  body: string;
  title?: string;
  /** The author's last posts, newest first; a handful is enough. */
  recentBodies: string[];
  secondsSinceLastPost: number | null;
  newAccount: boolean;
}

export interface SpamVerdict {
  score: number;
  /** Names of the rules that fired, then the classifier's reason if it had one. */
  reasons: string[];
  /** Hold the post as PENDING_REVIEW: visible only to its author and the moderators. */
  held: boolean;
}

/**
 * The plug-in point for an external classifier (an Akismet-like service). Its score is added to the
 * rules' score, in the same units: a score of SPAM_THRESHOLD holds a new account's post on its own.
 * Return null when there is no opinion, including when the service is down or slow: the adapter owns
 * its timeout, and posting must not wait on another company's uptime. A thrown error is not caught here.
 */
export interface SpamClassifier {
  score(signals: SpamSignals): Promise<{ score: number; reason: string } | null>;
}

export interface SpamRule {
  /** Reported in `SpamVerdict.reasons`. */
  name: string;
  weight: number;
  /** `text` is the title and body together, where contact details and offers hide alike. */
  fires(signals: SpamSignals, text: string): boolean;
}

export const SPAM_THRESHOLD = 5;
const REPEATED_SIMILARITY = 0.8;
const FAST_POSTING_SECONDS = 20;

// Each weight is below the threshold, so no single rule holds a post: a customer may post a link
// or a phone number. Contact details plus a money offer, the typical spam, hold it (3 + 2).
export const SPAM_RULES: readonly SpamRule[] = [
  { name: 'LINKS', weight: 2, fires: (_signals, text) => countLinks(text) > 1 },
  { name: 'EMAIL_ADDRESS', weight: 2, fires: (_signals, text) => hasEmailAddress(text) },
  { name: 'PHONE_NUMBER', weight: 2, fires: (_signals, text) => hasPhoneNumber(text) },
  { name: 'MONEY_OFFER', weight: 3, fires: (_signals, text) => hasMoneyOffer(text) },
  {
    name: 'REPEATED_TEXT',
    weight: 3,
    fires: ({ body, recentBodies }) => recentBodies.some((recent) => similarity(body, recent) >= REPEATED_SIMILARITY),
  },
  {
    name: 'POSTING_SPEED',
    weight: 1,
    fires: ({ secondsSinceLastPost }) => secondsSinceLastPost !== null && secondsSinceLastPost < FAST_POSTING_SECONDS,
  },
];

/**
 * Scores a post against the rules and the optional classifier. Only a new account's post is held:
 * an established author has shown they are a person, and a false positive would silently hide a
 * regular's answer; their score still serves logs and moderators, and flags handle the rest.
 */
export async function checkSpam(signals: SpamSignals, classifier?: SpamClassifier): Promise<SpamVerdict> {
  const text = signals.title ? `${signals.title}\n${signals.body}` : signals.body;
  const fired = SPAM_RULES.filter((rule) => rule.fires(signals, text));
  let score = fired.reduce((sum, rule) => sum + rule.weight, 0);
  const reasons = fired.map((rule) => rule.name);

  const opinion = classifier ? await classifier.score(signals) : null;
  if (opinion) {
    score += opinion.score;
    reasons.push(opinion.reason);
  }

  return { score, reasons, held: signals.newAccount && score >= SPAM_THRESHOLD };
}
