import type { Principal, RequestOf, SearchHitReply, SpaceAccess, threads } from '@kern/contracts';
import { badInput } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { readerOf, type Reader } from '../access/reader';
import { SpaceAccessClient } from '../access/space-access.client';
import { toPostReply } from '../posts/posts.mapper';
import { PostsRepository } from '../posts/posts.repository';
import { toThreadReply } from '../threads/threads.mapper';
import { ThreadsRepository } from '../threads/threads.repository';
import { MAX_SEARCH_TERMS, parseSearchQuery } from './search-query';
import { SearchRepository, type SearchHit } from './search.repository';
import { toSnippetHtml } from './snippet';

/**
 * How deep a ranked list may be paged. Past the first few pages a ranking says little, and each
 * page costs the whole ranking again; a deeper look is a narrower query.
 */
export const MAX_SEARCH_DEPTH = 1000;

@Injectable()
export class SearchUseCase {
  constructor(
    private readonly spaces: SpaceAccessClient,
    private readonly search: SearchRepository,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
  ) {}

  async execute(
    input: RequestOf<typeof threads.search>,
    principal: Principal,
  ): Promise<{ hits: SearchHitReply[]; hasNextPage: boolean }> {
    const query = parseSearchQuery(input.query);
    if (query.length === 0)
      throw badInput('Search for at least one word: a -word only leaves matches out', { field: 'query' });
    if (query.flat().length > MAX_SEARCH_TERMS)
      throw badInput(`Search for at most ${MAX_SEARCH_TERMS} words or phrases`, { field: 'query' });
    const cursor = input.after === undefined ? undefined : parseCursor(input.after);
    const access = input.spaceId
      ? new Map([[input.spaceId, await this.spaces.listable(input.spaceId, principal)]])
      : undefined;
    const spaceIds = access ? [...access.keys()] : await this.spaces.readableSpaceIds(principal);

    const offset = cursor?.offset ?? 0;
    const limit = Math.min(input.first, MAX_SEARCH_DEPTH - offset);
    if (spaceIds.length === 0 || limit <= 0) return { hits: [], hasNextPage: false };
    const compiled = await this.search.compile(query);
    if (compiled.english === null && compiled.dutch === null) return { hits: [], hasNextPage: false };
    const asOf = cursor?.asOf ?? compiled.now;
    const searcher = searcherOf(principal);
    const ranked = await this.search.search(compiled, {
      viewer: searcher.userId,
      employee: searcher.employee,
      spaceIds,
      asOf,
      limit: limit + 1,
      offset,
    });
    const page = ranked.slice(0, limit).map((hit, index) => ({ hit, cursor: `${offset + index + 1}.${asOf}` }));
    return {
      hits: await this.hydrate(page, searcher, access),
      hasNextPage: ranked.length > limit && offset + limit < MAX_SEARCH_DEPTH,
    };
  }

  /**
   * The threads and posts of a page, as each space's reader sees them (moderators see that they
   * moderate). They are read again through `findVisible`, so whatever the ranking query let through,
   * only what the reader may see leaves this service; a hit whose text vanished since is left out.
   */
  private async hydrate(
    page: Array<{ hit: SearchHit; cursor: string }>,
    searcher: Reader,
    known?: Map<string, SpaceAccess>,
  ): Promise<SearchHitReply[]> {
    if (page.length === 0) return [];
    const { principal } = searcher;
    const access =
      known ??
      (await this.spaces.forSpaces(
        page.map(({ hit }) => hit.spaceId),
        principal,
      ));
    const postIds = page.flatMap(({ hit }) => (hit.postId ? [hit.postId] : []));
    const [threads, posts] = await Promise.all([
      this.threads.findVisible(
        searcher,
        page.map(({ hit }) => hit.threadId),
      ),
      postIds.length > 0 ? this.posts.findVisible(searcher, postIds) : [],
    ]);
    const threadsById = new Map(threads.map((thread) => [thread.id, thread]));
    const postsById = new Map(posts.map((post) => [post.id, post]));

    const hits: SearchHitReply[] = [];
    for (const { hit, cursor } of page) {
      const space = access.get(hit.spaceId);
      const thread = threadsById.get(hit.threadId);
      const post = hit.postId ? postsById.get(hit.postId) : null;
      if (!space?.read || !thread || thread.spaceId !== hit.spaceId || post === undefined) continue;
      const reader = readerOf(principal, space);
      hits.push({
        thread: toThreadReply(thread, reader),
        post: post && toPostReply(post, reader),
        snippet: toSnippetHtml(hit.snippet),
        cursor,
      });
    }
    return hits;
  }
}

/** Who searches: a reader who moderates nothing, so nobody finds held or hidden posts of others. */
function searcherOf(principal: Principal): Reader {
  return {
    principal,
    userId: principal.kind === 'ANONYMOUS' ? null : principal.userId,
    employee: principal.kind === 'EMPLOYEE',
    moderator: false,
  };
}

/** `after` is a hit's cursor: its position in the ranking and the moment the search sees, `<position>.<epoch ms>`. */
function parseCursor(after: string): { offset: number; asOf: number } {
  const match = /^(\d{1,4})\.(\d{1,15})$/.exec(after);
  const offset = Number(match?.[1]);
  if (!match || offset > MAX_SEARCH_DEPTH) throw badInput('Invalid cursor', { field: 'after' });
  return { offset, asOf: Number(match[2]) };
}
