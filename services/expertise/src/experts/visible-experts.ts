import type { ExpertReply, Principal } from '@kern/contracts';
import { Injectable } from '@nestjs/common';
import { mayView, People } from '../profiles/people';

/** People open to questions come first among equals: they asked to be found. */
export const OPEN_TO_QUESTIONS_FACTOR = 1.25;

/**
 * The last step of finding experts: only people the viewer may see, never suspended accounts,
 * x1.25 for those open to questions, best first (ties by id, so pages are stable).
 */
@Injectable()
export class VisibleExperts {
  constructor(private readonly people: People) {}

  async rank(candidates: ExpertReply[], first: number, principal: Principal): Promise<ExpertReply[]> {
    const people = await this.people.find(candidates.map((candidate) => candidate.userId));
    return candidates
      .flatMap((candidate) => {
        const person = people.get(candidate.userId);
        if (!person || person.suspended || !mayView(principal, person)) return [];
        return [{ ...candidate, score: candidate.score * (person.openToQuestions ? OPEN_TO_QUESTIONS_FACTOR : 1) }];
      })
      .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId))
      .slice(0, first);
  }
}
