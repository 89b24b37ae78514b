import { ANONYMOUS, hasRole, identity, type EngagementRing, type Principal } from '@kern/contracts';
import { forbidden, notFound, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { countRings, ringOf, share } from './engagement';
import { InsightsRepository } from './insights.repository';

const STANDINGS_PER_CALL = 1000;

/** Who answers, how fast, and how many members are active: for moderators of a space and for community managers. */
@Injectable()
export class InsightsUseCase {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly insights: InsightsRepository,
  ) {}

  /** Each user's ring in a space, counting what the principal may see (for `Membership.ring`). */
  async rings(
    spaceId: string,
    userIds: string[],
    principal: Principal,
  ): Promise<Array<{ userId: string; ring: EngagementRing }>> {
    if (!(await this.spaces.forSpaces([spaceId], principal)).get(spaceId)) throw notFound('Space');
    const posts = new Map(
      (await this.insights.activity([spaceId], principal.kind === 'EMPLOYEE')).map((entry) => [
        entry.userId,
        entry.posts,
      ]),
    );
    return userIds.map((userId) => ({ userId, ring: ringOf(posts.get(userId) ?? 0) }));
  }

  async space(spaceId: string, memberIds: string[], principal: Principal) {
    const access = (await this.spaces.forSpaces([spaceId], principal)).get(spaceId);
    if (!access) throw notFound('Space');
    if (!access.moderate) throw forbidden("Only the space's moderators see its insights");
    const employee = principal.kind === 'EMPLOYEE';
    const posts = new Map(
      (await this.insights.activity([spaceId], employee)).map((entry) => [entry.userId, entry.posts]),
    );
    const questions = await this.insights.questions([spaceId]);
    const authors = await this.insights.replyAuthors([spaceId], employee);
    const kinds = await this.kindsOf(authors.map((author) => author.userId));
    const replies = authors.reduce((sum, author) => sum + author.replies, 0);
    const byEmployees = authors
      .filter((author) => kinds.get(author.userId) === 'EMPLOYEE')
      .reduce((sum, author) => sum + author.replies, 0);
    const rings = countRings(memberIds.map((id) => ringOf(posts.get(id) ?? 0)));
    return {
      members: memberIds.length,
      rings,
      activeShare: share(rings.CORE + rings.ACTIVE, memberIds.length),
      questions: questions.questions,
      answeredShare: share(questions.answered, questions.questions),
      medianFirstResponseMinutes: questions.medianFirstResponseMinutes,
      employeeShareOfReplies: share(byEmployees, replies),
    };
  }

  /** `people`: everyone who could take part (employees and customers), so the observers are the rest. */
  async community(people: number, principal: Principal) {
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see community insights');
    const activity = await this.insights.activity(null, true);
    const rings = countRings(activity.map((entry) => ringOf(entry.posts)));
    rings.OBSERVER = Math.max(0, people - rings.CORE - rings.ACTIVE - rings.PERIPHERAL);
    const active = activity.filter((entry) => ['CORE', 'ACTIVE'].includes(ringOf(entry.posts)));
    const questions = await this.insights.questions(null);
    return {
      rings,
      crossSpaceShare: share(active.filter((entry) => entry.spaces > 1).length, active.length),
      questions: questions.questions,
      answeredShare: share(questions.answered, questions.questions),
      medianFirstResponseMinutes: questions.medianFirstResponseMinutes,
    };
  }

  private async kindsOf(userIds: string[]): Promise<Map<string, string>> {
    const kinds = new Map<string, string>();
    for (let start = 0; start < userIds.length; start += STANDINGS_PER_CALL) {
      const { users } = await this.client.call(
        identity.getStandings,
        { ids: userIds.slice(start, start + STANDINGS_PER_CALL) },
        ANONYMOUS,
      );
      for (const user of users) kinds.set(user.id, user.kind);
    }
    return kinds;
  }
}
