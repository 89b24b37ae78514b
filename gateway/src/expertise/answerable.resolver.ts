import { expertise, hasRole, threads, type Principal } from '@kern/contracts';
import { forbidden, notFound, unauthenticated } from '@kern/messaging';
import { Args, Field, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { fromCursor, toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { ThreadConnectionModel, ThreadModel } from '../threads/thread.model';
import { TopicModel } from '../topics/topic.model';

@ObjectType('TopicDemand', { description: 'A topic with open questions and nobody known to answer them.' })
export class TopicDemandModel {
  @Field(() => Int)
  openQuestions!: number;

  topicId!: string;
}

@Resolver(() => TopicDemandModel)
export class AnswerableResolver {
  @Query(() => ThreadConnectionModel, {
    description:
      'Questions you can answer: open, unanswered questions you may read on topics you know (declared or earned), best matches first.',
  })
  async answerableQuestions(
    @Loaders() loaders: RequestLoaders,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    if (principal.kind === 'ANONYMOUS') throw unauthenticated();
    const { topics } = await loaders.reads.call(expertise.topicAffinity, {});
    const cursor = fromCursor(after);
    const page = await loaders.reads.call(threads.openQuestions, {
      topics,
      first: pageSize(first),
      ...(cursor ? { after: cursor } : {}),
    });
    // A ranked list pages by position: each cursor is how many came before the next page.
    const start = Number(cursor ?? 0);
    const positions = new Map(page.threads.map((thread, index) => [thread.id, start + index + 1]));
    return toConnection(
      page.threads.map(ThreadModel.from),
      (thread) => Buffer.from(String(positions.get(thread.threadId))).toString('base64url'),
      page.hasNextPage,
    );
  }

  @Query(() => [TopicDemandModel], {
    description:
      'Topics with open questions and no expert yet, most asked first: whom to recruit. Platform admins and community managers.',
  })
  async topicsWithoutExperts(@CurrentPrincipal() principal: Principal, @Loaders() loaders: RequestLoaders) {
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see this');
    const { topics } = await loaders.reads.call(threads.openQuestionTopics, {});
    if (topics.length === 0) return [];
    const { topicIds } = await loaders.reads.call(expertise.topicsWithoutExperts, {
      ids: topics.map((topic) => topic.topicId).slice(0, 1000),
    });
    const without = new Set(topicIds);
    return topics
      .filter((topic) => without.has(topic.topicId))
      .map((topic) => Object.assign(new TopicDemandModel(), topic));
  }

  @ResolveField(() => TopicModel)
  async topic(@Parent() demand: TopicDemandModel, @Loaders() loaders: RequestLoaders) {
    const topic = await loaders.topics.load(demand.topicId);
    if (!topic) throw notFound('Topic');
    return TopicModel.from(topic);
  }
}
