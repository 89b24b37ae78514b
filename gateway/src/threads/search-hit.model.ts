import type { SearchHitReply } from '@kern/contracts';
import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/connection';
import { PostModel } from './post.model';
import { ThreadModel } from './thread.model';

@ObjectType('SearchHit')
export class SearchHitModel {
  @Field(() => ThreadModel)
  thread!: ThreadModel;

  @Field(() => PostModel, {
    nullable: true,
    description: 'The matching post, when the match is in a reply rather than the thread itself.',
  })
  post!: PostModel | null;

  @Field({ description: 'Where the text matches, as safe HTML: the text escaped, the matching words in <mark>.' })
  snippet!: string;

  /** The service's paging key, made opaque. */
  cursor!: string;

  static from(this: void, reply: SearchHitReply): SearchHitModel {
    return Object.assign(new SearchHitModel(), {
      thread: ThreadModel.from(reply.thread),
      post: reply.post ? PostModel.from(reply.post) : null,
      snippet: reply.snippet,
      cursor: Buffer.from(reply.cursor).toString('base64url'),
    });
  }
}

export const SearchConnectionModel = ConnectionType('Search', SearchHitModel);
