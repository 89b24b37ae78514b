import { Audience, JoinPolicy, SpacePurpose, type SpaceReply } from '@kern/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toGlobalId } from '../common/global-id';
import { ConnectionType } from '../common/connection';
import { NodeModel } from '../nodes/node.interface';
import { MembershipModel } from './membership.model';

registerEnumType(Audience.enum, {
  name: 'Audience',
  description:
    'INTERNAL: employees only. EXTERNAL: customers and employees (and anonymous readers when joinPolicy is OPEN).',
});
registerEnumType(JoinPolicy.enum, {
  name: 'JoinPolicy',
  description:
    'OPEN: anyone in the audience reads and joins. APPROVAL: listed, members read, a moderator approves joins. INVITE: unlisted, members only.',
});
registerEnumType(SpacePurpose.enum, {
  name: 'SpacePurpose',
  description:
    'SERVICE: customers ask, experts answer (questions by default, accepted answers, an unanswered queue). PRACTICE: staff share cases and knowledge (discussions by default). ANNOUNCEMENTS: only moderators start threads.',
});

@ObjectType('Space', { implements: () => [NodeModel] })
export class SpaceModel implements NodeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => Audience.enum)
  audience!: Audience;

  @Field(() => JoinPolicy.enum)
  joinPolicy!: JoinPolicy;

  @Field(() => SpacePurpose.enum)
  purpose!: SpacePurpose;

  @Field({ description: 'What the space is written in (`en` or `nl`); search stems its words in this language.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'Joining requires accepting them.' })
  guidelines!: string | null;

  @Field(() => Int, { description: 'Active members.' })
  memberCount!: number;

  @Field({ description: 'Archived spaces are read-only.' })
  archived!: boolean;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => MembershipModel, {
    nullable: true,
    description: "The viewer's membership or join request; null when they have neither.",
  })
  viewerMembership!: MembershipModel | null;

  @Field({ description: 'Whether the viewer may start threads and reply here now.' })
  viewerCanPost!: boolean;

  @Field({
    description:
      'Whether the viewer moderates this space (its owners and moderators, platform admins and community managers).',
  })
  viewerCanModerate!: boolean;

  /** The spaces service's ids, resolved on demand. */
  spaceId!: string;
  topicIds!: string[];

  static from(this: void, reply: SpaceReply): SpaceModel {
    return Object.assign(new SpaceModel(), {
      id: toGlobalId('Space', reply.id),
      slug: reply.slug,
      name: reply.name,
      description: reply.description,
      audience: reply.audience,
      joinPolicy: reply.joinPolicy,
      purpose: reply.purpose,
      language: reply.language,
      guidelines: reply.guidelines,
      memberCount: reply.memberCount,
      archived: reply.archivedAt !== null,
      archivedAt: reply.archivedAt ? new Date(reply.archivedAt) : null,
      createdAt: new Date(reply.createdAt),
      viewerMembership: reply.viewerMembership ? MembershipModel.from(reply.viewerMembership) : null,
      viewerCanPost: reply.viewerAccess.post,
      viewerCanModerate: reply.viewerAccess.moderate,
      spaceId: reply.id,
      topicIds: reply.topicIds,
    });
  }
}

export const SpaceConnectionModel = ConnectionType('Space', SpaceModel);
