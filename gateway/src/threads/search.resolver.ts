import { threads, type Principal } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { fromCursor, toConnection } from '../common/connection';
import { pageSize } from '../common/connection-args';
import { definedFields } from '../common/defined-fields';
import { idOf } from '../common/global-id';
import { SearchConnectionModel, SearchHitModel } from './search-hit.model';

@Resolver(() => SearchHitModel)
export class SearchResolver {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  @Query(() => SearchConnectionModel, {
    description: 'Threads and replies you may read, best and newest match first, one hit per thread. Understands "phrases", -word and `or`.',
  })
  async search(
    @Args('query') query: string,
    @CurrentPrincipal() principal: Principal,
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
    const { hits, hasNextPage } = await this.client.call(threads.search, payload, principal);
    return toConnection(hits.map(SearchHitModel.from), (hit) => hit.cursor, hasNextPage);
  }
}
