import type { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from './page-info.model';

export interface Connection<Node> {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: PageInfoModel;
}

/** The `<Name>Connection` and `<Name>Edge` types of a paged list of `node`. */
export function ConnectionType<Node>(name: string, node: Type<Node>): Type<Connection<Node>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: Node;
  }

  @ObjectType(`${name}Connection`)
  class PagedList {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfoModel)
    pageInfo!: PageInfoModel;
  }
  return PagedList;
}

/** One page as a connection; each edge's cursor is where the next page starts after it. */
export function toConnection<Node>(
  nodes: Node[],
  cursorOf: (node: Node) => string,
  hasNextPage: boolean,
): Connection<Node> {
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The service's paging key inside a client's opaque cursor. */
export const fromCursor = (cursor: string | null | undefined): string | undefined =>
  cursor == null ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
