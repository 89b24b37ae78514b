/**
 * How much each kind of activity says about someone's knowledge of a topic: an answer the asker
 * accepted says most, a reader finding a post helpful less, a reply least. Recent activity weighs
 * more: its weight halves every HALF_LIFE_DAYS.
 */
export const EVIDENCE_WEIGHT = { ACCEPTED_ANSWER: 10, HELPFUL: 3, REPLY: 1 } as const;
export type EvidenceKind = keyof typeof EVIDENCE_WEIGHT;
export const HALF_LIFE_DAYS = 180;
