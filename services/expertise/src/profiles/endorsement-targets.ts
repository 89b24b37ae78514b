import type { UserPrincipal } from '@kern/contracts';
import { badInput, notFound } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { KnownTopics } from '../topics/known-topics';
import { mayView, People } from './people';

/** Whose skill a member vouches for (or stops vouching for): someone they can see, never themself. */
@Injectable()
export class EndorsementTargets {
  constructor(
    private readonly people: People,
    private readonly topics: KnownTopics,
  ) {}

  async find(input: { userId: string; topic: string }, endorser: UserPrincipal) {
    if (input.userId === endorser.userId) throw badInput('You cannot endorse yourself', { field: 'userId' });
    const person = (await this.people.find([input.userId])).get(input.userId);
    if (!person || !mayView(endorser, person)) throw notFound('User');
    const topic = await this.topics.bySlug(input.topic);
    return { userId: person.userId, topicId: topic.id };
  }
}
