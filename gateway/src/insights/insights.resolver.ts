import { EngagementRing, expertise, identity, insights, spaces } from '@kern/contracts';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-principal.decorator';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { MembershipModel } from '../spaces/membership.model';
import { SpaceModel } from '../spaces/space.model';
import { CommunityInsightsModel, RingCountsModel, SpaceInsightsModel } from './insights.model';

/** The one share that combines two services' numbers (the others come computed from threads). */
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

@Resolver()
export class InsightsResolver {
  @Query(() => SpaceInsightsModel, {
    description: "Who takes part and how questions are answered: for the space's moderators.",
  })
  async spaceInsights(@Args('spaceId', { type: () => ID }) spaceId: string, @Loaders() loaders: RequestLoaders) {
    const id = idOf('Space', spaceId);
    const space = await loaders.reads.call(spaces.getSpace, { id });
    const { userIds } = await loaders.reads.call(spaces.memberIds, { spaceId: id });
    const activity = await loaders.reads.call(insights.space, { spaceId: id, memberIds: userIds });
    return Object.assign(new SpaceInsightsModel(), {
      space: SpaceModel.from(space),
      members: activity.members,
      rings: RingCountsModel.from(activity.rings),
      activeShare: activity.activeShare,
      questions: activity.questions,
      answeredShare: activity.answeredShare,
      medianFirstResponseMinutes: activity.medianFirstResponseMinutes,
      employeeShareOfReplies: activity.employeeShareOfReplies,
    });
  }

  @Query(() => CommunityInsightsModel, {
    description: 'The whole community: for platform admins and community managers.',
  })
  async communityInsights(@Loaders() loaders: RequestLoaders) {
    const people = await loaders.reads.call(identity.countUsers, {});
    const [{ ambassadors }, activity] = await Promise.all([
      loaders.reads.call(expertise.countAmbassadors, {}),
      loaders.reads.call(insights.community, { people: people.employees + people.customers }),
    ]);
    return Object.assign(new CommunityInsightsModel(), {
      employees: people.employees,
      customers: people.customers,
      ambassadorShare: share(ambassadors, people.employees),
      rings: RingCountsModel.from(activity.rings),
      crossSpaceShare: activity.crossSpaceShare,
      medianFirstResponseMinutes: activity.medianFirstResponseMinutes,
      answeredShare: activity.answeredShare,
    });
  }
}

@Resolver(() => MembershipModel)
export class MembershipRingResolver {
  @ResolveField(() => EngagementRing.enum, {
    description: 'From their posts in the space in the last 30 days that the viewer may see.',
  })
  async ring(@Parent() membership: MembershipModel, @Loaders() loaders: RequestLoaders) {
    return loaders.rings.load(`${membership.spaceId}|${membership.userId}`);
  }
}
