import { identity, type Principal } from '@kern/contracts';
import { DomainError, ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Loaders } from '../auth/current-principal.decorator';
import { fromGlobalId } from '../common/global-id';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { SpaceModel } from '../spaces/space.model';
import { PostModel } from '../threads/post.model';
import { ThreadModel } from '../threads/thread.model';
import { TopicModel } from '../topics/topic.model';
import { UserModel } from '../users/user.model';
import { NodeModel } from './node.interface';

@Resolver(() => NodeModel)
export class NodeResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  /** Any object by its global id; ids that are not ours, or that the viewer may not see, are null. */
  @Query(() => NodeModel, { nullable: true })
  async node(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal, @Loaders() loaders: RequestLoaders) {
    const target = fromGlobalId(id);
    if (!target) return null;
    try {
      switch (target.type) {
        case 'User':
          return UserModel.from(await this.client.call(identity.getUser, { id: target.id }, principal));
        case 'Topic': {
          const topic = await loaders.topics.load(target.id);
          return topic ? TopicModel.from(topic) : null;
        }
        case 'Space': {
          const space = await loaders.spaces.load(target.id);
          return space ? SpaceModel.from(space) : null;
        }
        case 'Thread': {
          const thread = await loaders.threads.load(target.id);
          return thread ? ThreadModel.from(thread) : null;
        }
        case 'Post': {
          const post = await loaders.posts.load(target.id);
          return post ? PostModel.from(post) : null;
        }
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
