import { buildSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costLimitError, queryCost } from './query-cost';

// The schema the gateway serves, so the examples cost what they cost in production.
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables);

const THREADS_WITH_POSTS = `query($threads: Int, $posts: Int) {
  space(slug: "help") { threads(first: $threads) { edges { node { title posts(first: $posts) { edges { node { body } } } } } } }
}`;

describe('queryCost', () => {
  it('charges nothing for scalars and 1 for each object field', () => {
    expect(cost(`{ me { id handle displayName } }`)).toBe(1);
    expect(cost(`{ thread(id: "x") { title author { handle } space { slug } } }`)).toBe(3);
  });

  it('multiplies what is selected inside a field by its `first`', () => {
    // edges (1) + node (1) per thread, times 50, plus the connection itself.
    expect(cost(`{ space(slug: "help") { threads(first: 50) { edges { node { title } } } } }`)).toBe(1 + (1 + 50 * 2));
  });

  it('counts a missing `first` as the default page of 20', () => {
    expect(cost(`{ space(slug: "help") { threads { edges { node { title } } } } }`)).toBe(1 + (1 + 20 * 2));
    expect(cost(`{ topics { slug experts { score } } }`)).toBe(1 + (1 + 20 * 0));
  });

  it('multiplies nested pages, reading `first` from the variables', () => {
    // posts: 1 + 100 x 2; a thread node: 1 + posts; an edge: 1 + node; threads: 1 + 100 x edge; space: 1 + threads.
    expect(cost(THREADS_WITH_POSTS, { threads: 100, posts: 100 })).toBe(1 + (1 + 100 * (1 + 1 + (1 + 100 * 2))));
    expect(cost(THREADS_WITH_POSTS, { threads: 100, posts: 100 })).toBe(20302);
    expect(cost(THREADS_WITH_POSTS, { threads: 10, posts: 5 })).toBe(1 + (1 + 10 * (1 + 1 + (1 + 5 * 2))));
  });

  it('counts a page above the largest as the largest (the resolver refuses it)', () => {
    expect(cost(`{ space(slug: "help") { threads(first: 100000) { edges { node { title } } } } }`)).toBe(
      1 + (1 + 100 * 2),
    );
  });

  it('adds up aliases, fragments and every operation type', () => {
    expect(cost(`{ a: me { handle } b: me { handle } c: me { handle } }`)).toBe(3);
    expect(cost(`{ me { ...who } } fragment who on User { handle }`)).toBe(1);
    expect(cost(`subscription { postAdded(threadId: "x") { body thread { title } } }`)).toBe(2);
    expect(cost(`mutation { markThreadRead(threadId: "x") { title } }`)).toBe(1);
  });

  it('leaves variables that do not fit the operation to execution', () => {
    expect(cost(THREADS_WITH_POSTS, { threads: 'many' })).toBeUndefined();
  });
});

describe('costLimitError', () => {
  it('refuses an operation above the limit with its cost and the limit', () => {
    const error = costLimitError(10_000, schema, parse(THREADS_WITH_POSTS), { threads: 100, posts: 100 });
    expect(error?.message).toBe('Query costs 20302; the limit is 10000');
    expect(error?.extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'COST',
      max: 10_000,
      actual: 20302,
    });
  });

  it('lets an operation at the limit run', () => {
    expect(costLimitError(862, schema, parse(THREADS_WITH_POSTS), { threads: 20, posts: 20 })).toBeUndefined();
  });

  it('refuses fragments spread so often that costing them would not end', () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment f${i} on User { handle ...f${i + 1} ...f${i + 1} }`,
    ).join(' ');
    const error = costLimitError(
      10_000,
      schema,
      parse(`{ me { ...f0 } } ${fragments} fragment f30 on User { handle }`),
      {},
    );
    expect(error?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'COST' });
  });
});
