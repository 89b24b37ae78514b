import type { Principal } from '@kern/contracts';
import { assertCanWrite } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { KnownTopics } from '../topics/known-topics';
import { SkillsRepository } from './skills.repository';

/** A member takes back a declared skill; answers whether there was one. Earned evidence stays. */
@Injectable()
export class RemoveSkillUseCase {
  constructor(
    private readonly topics: KnownTopics,
    private readonly skills: SkillsRepository,
  ) {}

  async execute(input: { topic: string }, principal: Principal): Promise<boolean> {
    assertCanWrite(principal);
    const topic = await this.topics.bySlug(input.topic);
    return this.skills.remove(principal.userId, topic.id);
  }
}
