import { ANONYMOUS, identity, insights, type Principal, type ReplyOf } from '@kern/contracts';
import { forbidden, notFound, ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SpaceAccessClient } from '../access/space-access.client';
import { countRings, ringOf, share } from './engagement';
import { InsightsRepository } from './insights.repository';

const STANDINGS_PER_CALL = 1000;

/** Who answers in a space, how fast, and how many of its members are active: for the space's moderators. */
@Injectable()
export class GetSpaceInsightsUseCase {
  constructor(
    @Inject(ServiceClient) private readonly client: ServiceClient,
    private readonly spaces: SpaceAccessClient,
    private readonly insights: InsightsRepository,
  ) {}

  async execute(spaceId: string, memberIds: string[], principal: Principal): Promise<ReplyOf<typeof insights.space>> {
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
