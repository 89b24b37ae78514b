import { expertise, SkillLevel, type Principal } from '@kern/contracts';
import { notFound, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { TopicModel } from '../topics/topic.model';
import { SkillModel } from './skill.model';

@Resolver(() => SkillModel)
export class SkillsResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Mutation(() => SkillModel, { description: "Declares (or changes the level of) one of the viewer's skills." })
  async declareSkill(
    @Args('topic') topic: string,
    @Args('level', { type: () => SkillLevel.enum }) level: SkillLevel,
    @CurrentPrincipal() principal: Principal,
  ) {
    return SkillModel.from(await this.client.call(expertise.declareSkill, { topic, level }, principal));
  }

  @Mutation(() => Boolean, { description: 'Removes a declared skill; false when there was none.' })
  async removeSkill(@Args('topic') topic: string, @CurrentPrincipal() principal: Principal) {
    return (await this.client.call(expertise.removeSkill, { topic }, principal)).removed;
  }

  @ResolveField(() => TopicModel)
  async topic(@Parent() skill: SkillModel, @Loaders() loaders: RequestLoaders) {
    const topic = await loaders.topics.load(skill.topicId);
    if (!topic) throw notFound('Topic');
    return TopicModel.from(topic);
  }
}
