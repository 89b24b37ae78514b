import type { EngagementRing, RingCounts } from '@kern/contracts';

/** The window a ring is measured over. */
export const ACTIVITY_DAYS = 30;
/** The window question statistics are measured over. */
export const QUESTION_DAYS = 90;

/**
 * The onion, from posts written in the last ACTIVITY_DAYS: the red core writes most days (10+),
 * active members every week or so (3+), peripheral ones now and then (1+), observers only read.
 */
export function ringOf(posts: number): EngagementRing {
  if (posts >= 10) return 'CORE';
  if (posts >= 3) return 'ACTIVE';
  if (posts >= 1) return 'PERIPHERAL';
  return 'OBSERVER';
}

export function countRings(rings: EngagementRing[]): RingCounts {
  const counts: RingCounts = { CORE: 0, ACTIVE: 0, PERIPHERAL: 0, OBSERVER: 0 };
  for (const ring of rings) counts[ring] += 1;
  return counts;
}

export const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
