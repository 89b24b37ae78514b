import { expertise, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { CreateTopicInput } from './create-topic.input';
import { TopicModel } from './topic.model';

@Resolver(() => TopicModel)
export class TopicsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => [TopicModel], { description: 'The expertise taxonomy: every topic, sub-topics included.' })
  async topics(@Loaders() loaders: RequestLoaders) {
    const { topics } = await loaders.reads.call(expertise.listTopics, {});
    return topics.map(TopicModel.from);
  }

  @Mutation(() => TopicModel, { description: 'Platform admins and community managers.' })
  async createTopic(@Args('input') input: CreateTopicInput, @CurrentPrincipal() principal: Principal) {
    return TopicModel.from(await this.client.call(expertise.createTopic, { ...input }, principal));
  }

  @Mutation(() => [String], {
    description:
      'Adds a word that means this topic, in English or Dutch; answers all of its synonyms. Platform admins and community managers.',
  })
  async addTopicSynonym(
    @Args('topic') topic: string,
    @Args('synonym') synonym: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return (await this.client.call(expertise.addTopicSynonym, { topic, synonym }, principal)).synonyms;
  }

  @ResolveField(() => TopicModel, { nullable: true })
  async parent(@Parent() topic: TopicModel, @Loaders() loaders: RequestLoaders) {
    if (!topic.parentId) return null;
    const parent = await loaders.topics.load(topic.parentId);
    return parent ? TopicModel.from(parent) : null;
  }
}
