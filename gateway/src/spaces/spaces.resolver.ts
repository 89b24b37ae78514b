import { Audience, MembershipStatus, spaces, type Principal, type SpaceReply } from '@kern/contracts';
import { badInput, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { pageSize } from '../common/connection-args';
import { fromCursor, toConnection } from '../common/connection';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { TopicModel } from '../topics/topic.model';
import { MembershipConnectionModel, MembershipModel } from './membership.model';
import { CreateSpaceInput, UpdateSpaceInput } from './space.inputs';
import { SpaceConnectionModel, SpaceModel } from './space.model';

function spaceConnection({ spaces: found, hasNextPage }: { spaces: SpaceReply[]; hasNextPage: boolean }) {
  return toConnection(
    found.map(SpaceModel.from),
    (space) => Buffer.from(space.slug).toString('base64url'),
    hasNextPage,
  );
}

@Resolver(() => SpaceModel)
export class SpacesResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => SpaceConnectionModel, {
    description: 'The directory: spaces the viewer may see, by slug; `topic` includes its sub-topics.',
  })
  async spaces(
    @Loaders() loaders: RequestLoaders,
    @Args('topic', { type: () => String, nullable: true }) topic?: string,
    @Args('audience', { type: () => Audience.enum, nullable: true }) audience?: Audience,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const query = definedFields({ topic, audience, after: fromCursor(after) });
    return spaceConnection(await loaders.reads.call(spaces.listSpaces, { ...query, first: pageSize(first) }));
  }

  @Query(() => SpaceConnectionModel, {
    description:
      "The viewer's spaces and join requests, internal and external together (each says its audience), archived ones included.",
  })
  async mySpaces(
    @Loaders() loaders: RequestLoaders,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const query = definedFields({ after: fromCursor(after) });
    return spaceConnection(
      await loaders.reads.call(spaces.listSpaces, { ...query, mine: true, first: pageSize(first) }),
    );
  }

  @Query(() => [SpaceModel], {
    description:
      'Spaces for you: spaces the viewer may join, best match with their skills first (declared now; earned ones as evidence accrues).',
  })
  async recommendedSpaces(
    @Loaders() loaders: RequestLoaders,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    const { spaces: found } = await loaders.reads.call(spaces.recommendSpaces, {
      first: Math.min(pageSize(first), 50),
    });
    return found.map(SpaceModel.from);
  }

  @Query(() => SpaceModel, { nullable: true, description: 'By id or by slug (exactly one).' })
  async space(
    @Loaders() loaders: RequestLoaders,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
  ) {
    if ((id == null) === (slug == null))
      throw badInput('Give either id or slug', { field: id == null ? 'id' : 'slug' });
    const by = id != null ? { id: idOf('Space', id) } : { slug: slug! };
    return SpaceModel.from(await loaders.reads.call(spaces.getSpace, by));
  }

  @Mutation(() => SpaceModel, {
    description:
      'Platform admins and community managers create any space; employees create INTERNAL ones and own them.',
  })
  async createSpace(@Args('input') input: CreateSpaceInput, @CurrentPrincipal() principal: Principal) {
    const { purpose, guidelines, language, ...required } = input;
    return SpaceModel.from(
      await this.client.call(
        spaces.createSpace,
        { ...required, ...definedFields({ purpose, guidelines, language }) },
        principal,
      ),
    );
  }

  @Mutation(() => SpaceModel, { description: 'Owners, platform admins and community managers.' })
  async updateSpace(@Args('input') input: UpdateSpaceInput, @CurrentPrincipal() principal: Principal) {
    const { spaceId, ...changes } = definedFields(input);
    return SpaceModel.from(
      await this.client.call(spaces.updateSpace, { ...changes, spaceId: idOf('Space', spaceId!) }, principal),
    );
  }

  @Mutation(() => SpaceModel, {
    description:
      'Archived spaces stay readable but take no new posts or members. Owners, platform admins and community managers.',
  })
  async archiveSpace(
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('archived', { type: () => Boolean, nullable: true, defaultValue: true }) archived: boolean,
  ) {
    return SpaceModel.from(
      await this.client.call(spaces.archiveSpace, { spaceId: idOf('Space', spaceId), archived }, principal),
    );
  }

  @ResolveField(() => [TopicModel])
  async topics(@Parent() space: SpaceModel, @Loaders() loaders: RequestLoaders) {
    const topics = await Promise.all(space.topicIds.map((id) => loaders.topics.load(id)));
    return topics.filter((topic) => topic !== null).map(TopicModel.from);
  }

  @ResolveField(() => MembershipConnectionModel, {
    description: 'Active members, or (for moderators) PENDING join requests; oldest first.',
  })
  async members(
    @Parent() space: SpaceModel,
    @CurrentPrincipal() principal: Principal,
    @Args('status', { type: () => MembershipStatus.enum, nullable: true }) status?: MembershipStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const query = definedFields({ status, after: fromCursor(after) });
    const { memberships, hasNextPage } = await this.client.call(
      spaces.listMembers,
      { ...query, spaceId: space.spaceId, first: pageSize(first) },
      principal,
    );
    return toConnection(memberships.map(MembershipModel.from), (membership) => membership.cursor, hasNextPage);
  }
}
