import type { SkillLevel } from '@kern/contracts';
import { EVIDENCE_WEIGHT } from '../evidence/evidence-weights';

/** What a declared level weighs in an expert's score: an accepted answer (10) outweighs any declaration. */
export const DECLARED_LEVEL_WEIGHT: Record<SkillLevel, number> = { LEARNING: 1, PRACTITIONER: 2, EXPERT: 3 };
/** What an endorsement weighs in an expert's score. */
export const ENDORSEMENT_WEIGHT = 2;

/** The level shown for a skill that was earned or endorsed but never declared. */
export function earnedLevel(evidenceScore: number): SkillLevel {
  if (evidenceScore >= 2 * EVIDENCE_WEIGHT.ACCEPTED_ANSWER) return 'EXPERT';
  if (evidenceScore >= EVIDENCE_WEIGHT.ACCEPTED_ANSWER / 2) return 'PRACTITIONER';
  return 'LEARNING';
}
