import { threads } from '@kern/contracts';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-principal.decorator';
import type { Loaders as RequestLoaders } from '../graphql/loaders';
import { fromCursor, toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import { SearchConnectionModel, SearchHitModel } from './search-hit.model';

@Resolver(() => SearchHitModel)
export class SearchResolver {
  @Query(() => SearchConnectionModel, {
    description:
      'Threads and replies you may read, best and newest match first, one hit per thread. Understands "phrases", -word and `or`.',
  })
  async search(
    @Loaders() loaders: RequestLoaders,
    @Args('query') query: string,
    @Args('spaceId', { type: () => ID, nullable: true }) spaceId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const payload = {
      query,
      first: pageSize(first),
      // Cursors are the service's keys, opaque to clients.
      ...definedFields({ spaceId: spaceId == null ? null : idOf('Space', spaceId), after: fromCursor(after) }),
    };
    const { hits, hasNextPage } = await loaders.reads.call(threads.search, payload);
    return toConnection(hits.map(SearchHitModel.from), (hit) => hit.cursor, hasNextPage);
  }
}
