import { EngagementRing, type RingCounts } from '@kern/contracts';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SpaceModel } from '../spaces/space.model';

registerEnumType(EngagementRing.enum, {
  name: 'EngagementRing',
  description: 'The onion: CORE (the red core), ACTIVE, PERIPHERAL, OBSERVER (reads only).',
});

@ObjectType('RingCounts')
export class RingCountsModel {
  @Field(() => Int)
  core!: number;

  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  peripheral!: number;

  @Field(() => Int)
  observer!: number;

  static from(this: void, counts: RingCounts): RingCountsModel {
    return Object.assign(new RingCountsModel(), {
      core: counts.CORE,
      active: counts.ACTIVE,
      peripheral: counts.PERIPHERAL,
      observer: counts.OBSERVER,
    });
  }
}

@ObjectType('SpaceInsights', {
  description: 'The last 30 days of activity (rings) and 90 days of questions, for the space’s moderators.',
})
export class SpaceInsightsModel {
  @Field(() => SpaceModel)
  space!: SpaceModel;

  @Field(() => Int)
  members!: number;

  @Field(() => RingCountsModel)
  rings!: RingCountsModel;

  @Field(() => Float, { description: 'Share of members in CORE or ACTIVE.' })
  activeShare!: number;

  @Field(() => Int)
  questions!: number;

  @Field(() => Float)
  answeredShare!: number;

  @Field(() => Float, { nullable: true })
  medianFirstResponseMinutes!: number | null;

  @Field(() => Float)
  employeeShareOfReplies!: number;
}

@ObjectType('CommunityInsights', { description: 'The whole community: for platform admins and community managers.' })
export class CommunityInsightsModel {
  @Field(() => Int)
  employees!: number;

  @Field(() => Int)
  customers!: number;

  @Field(() => Float, { description: 'Share of employees who are ambassadors (the aim is 0.10).' })
  ambassadorShare!: number;

  @Field(() => RingCountsModel)
  rings!: RingCountsModel;

  @Field(() => Float, { description: 'Share of active members who took part in more than one space.' })
  crossSpaceShare!: number;

  @Field(() => Float, { nullable: true })
  medianFirstResponseMinutes!: number | null;

  @Field(() => Float)
  answeredShare!: number;
}
