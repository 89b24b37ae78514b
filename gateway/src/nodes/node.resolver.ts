import { identity } from '@kern/contracts';
import { DomainError } from '@kern/messaging';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-principal.decorator';
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
  /** Any object by its global id; ids that are not ours, or that the viewer may not see, are null. */
  @Query(() => NodeModel, { nullable: true })
  async node(@Args('id', { type: () => ID }) id: string, @Loaders() loaders: RequestLoaders) {
    const target = fromGlobalId(id);
    if (!target) return null;
    try {
      switch (target.type) {
        case 'User':
          return UserModel.from(await loaders.reads.call(identity.getUser, { id: target.id }));
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
