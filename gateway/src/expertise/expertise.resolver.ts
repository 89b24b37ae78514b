import { expertise, spaces, type Principal } from '@kern/contracts';
import { badInput, DomainError, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { SkillModel } from '../skills/skill.model';
import { SpaceModel } from '../spaces/space.model';
import { TopicModel } from '../topics/topic.model';
import { loadUser } from '../users/user.loader';
import { UserModel } from '../users/user.model';
import { ExpertiseProfileModel, ExpertModel } from './profile.model';
import { UpdateProfileInput } from './update-profile.input';

const MAX_EXPERTS = 50;

@Resolver(() => ExpertiseProfileModel)
export class ExpertiseResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => [ExpertModel], {
    description:
      'Who knows about this? By topic slug (sub-topics included), or by a free-text question matched to topics and recent answers.',
  })
  async experts(
    @Loaders() loaders: RequestLoaders,
    @Args('topic', { type: () => String, nullable: true }) topic?: string,
    @Args('question', { type: () => String, nullable: true }) question?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    if ((topic == null) === (question == null))
      throw badInput('Give either a topic or a question', { field: topic == null ? 'topic' : 'question' });
    const count = first ?? 10;
    if (!Number.isInteger(count) || count < 1 || count > MAX_EXPERTS)
      throw badInput(`Invalid input: first: must be between 1 and ${MAX_EXPERTS}`, { field: 'first' });
    const query = topic != null ? { topic, first: count } : { question: question!, first: count };
    const { experts } = await loaders.reads.call(expertise.findExperts, query);
    return experts.map(ExpertModel.from);
  }

  @Mutation(() => ExpertiseProfileModel)
  async updateProfile(@Args('input') input: UpdateProfileInput, @CurrentPrincipal() principal: Principal) {
    const { ambassador, openToQuestions, headline, bio } = input;
    const payload = {
      ...definedFields({ ambassador, openToQuestions }),
      ...(headline !== undefined ? { headline } : {}),
      ...(bio !== undefined ? { bio } : {}),
    };
    return ExpertiseProfileModel.from(await this.client.call(expertise.updateProfile, payload, principal));
  }

  @Mutation(() => SkillModel, {
    description: 'Vouch for a skill of someone you can see; once per skill, never yourself.',
  })
  async endorse(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('topic') topic: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return SkillModel.from(
      await this.client.call(expertise.endorse, { userId: idOf('User', userId), topic }, principal),
    );
  }

  @Mutation(() => SkillModel)
  async withdrawEndorsement(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('topic') topic: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return SkillModel.from(
      await this.client.call(expertise.withdrawEndorsement, { userId: idOf('User', userId), topic }, principal),
    );
  }

  @ResolveField(() => UserModel)
  async user(@Parent() profile: ExpertiseProfileModel, @Loaders() loaders: RequestLoaders) {
    return loadUser(loaders, profile.userId);
  }
}

@Resolver(() => ExpertModel)
export class ExpertResolver {
  @ResolveField(() => UserModel)
  async user(@Parent() expert: ExpertModel, @Loaders() loaders: RequestLoaders) {
    return loadUser(loaders, expert.userId);
  }

  @ResolveField(() => [TopicModel])
  async topics(@Parent() expert: ExpertModel, @Loaders() loaders: RequestLoaders) {
    const topics = await Promise.all(expert.topicIds.map((id) => loaders.topics.load(id)));
    return topics.filter((topic) => topic !== null).map(TopicModel.from);
  }
}

@Resolver(() => UserModel)
export class UserProfileResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @ResolveField(() => ExpertiseProfileModel, {
    nullable: true,
    description: "Null when the viewer may not see it (a non-ambassador employee's, for customers).",
  })
  async profile(@Parent() user: UserModel, @CurrentPrincipal() principal: Principal) {
    try {
      return ExpertiseProfileModel.from(
        await this.client.call(expertise.getProfile, { userId: idOf('User', user.id) }, principal),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}

@Resolver(() => TopicModel)
export class TopicExpertiseResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @ResolveField(() => [ExpertModel], { description: 'The best experts on this topic the viewer may see.' })
  async experts(
    @Parent() topic: TopicModel,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    const { experts } = await this.client.call(
      expertise.findExperts,
      { topic: topic.slug, first: Math.min(Math.max(first ?? 5, 1), MAX_EXPERTS) },
      principal,
    );
    return experts.map(ExpertModel.from);
  }

  @ResolveField(() => [String], { description: 'Other words for this topic (English or Dutch), so questions find it.' })
  async synonyms(@Parent() topic: TopicModel, @Loaders() loaders: RequestLoaders) {
    return loaders.topicSynonyms.load(idOf('Topic', topic.id));
  }

  @ResolveField(() => [SpaceModel], {
    description: 'Spaces about this topic (or its sub-topics) that the viewer may see.',
  })
  async spaces(
    @Parent() topic: TopicModel,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    const { spaces: found } = await this.client.call(
      spaces.listSpaces,
      { topic: topic.slug, first: Math.min(Math.max(first ?? 20, 1), 100) },
      principal,
    );
    return found.map(SpaceModel.from);
  }
}
