import type { ServiceClient } from '@kern/messaging';
import {
  buildSchema,
  GraphQLError,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessTokenVerifier } from '../auth/access-token.verifier';
import { loadGatewayConfig } from '../config/gateway.config';
import { graphqlOptions } from './graphql-options';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

function optionsFor(env: Record<string, string>) {
  const options = graphqlOptions(loadGatewayConfig(env), {} as AccessTokenVerifier, {} as ServiceClient, silent);
  (options.transformSchema as (schema: GraphQLSchema) => GraphQLSchema)(schema);
  const ws = (options.subscriptions as Record<string, Record<string, unknown>>)['graphql-ws'];
  return {
    /** What a client is told of this HTTP request's validation errors (wrapped as Apollo wraps them). */
    httpErrors(query: string) {
      const errors = validate(schema, parse(query), [...specifiedRules, ...(options.validationRules as [])]);
      const wrapped = errors.map(
        (error) =>
          new GraphQLError(error.message, {
            originalError: error,
            extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
      return wrapped.map((error) => options.formatError!(error.toJSON(), error));
    },
    /** What graphql-ws answers an operation sent on a connection with `open` operations already running. */
    webSocket(query: string, open = 0) {
      const subscriptions = Object.fromEntries(Array.from({ length: open + 1 }, (_, i) => [String(i), null]));
      const result = (ws.onSubscribe as (...args: unknown[]) => unknown)({ subscriptions }, String(open), { query });
      if (!Array.isArray(result)) return result;
      return (ws.onError as (...args: unknown[]) => unknown)({}, String(open), { query }, result as GraphQLError[]);
    },
  };
}

const TYPO = `{ mee { handle } }`;
const DEEP_SUBSCRIPTION = `subscription { postAdded(threadId: "x") { thread { space { threads { edges { node { posts { edges { node { thread { title } } } } } } } } } } }`;

describe('graphqlOptions', () => {
  it('hides "Did you mean" suggestions in production, over HTTP and WebSocket', () => {
    const production = optionsFor({ NODE_ENV: 'production' });
    expect(production.httpErrors(TYPO)).toEqual([
      expect.objectContaining({ message: 'Cannot query field "mee" on type "Query".' }),
    ]);
    expect(production.webSocket(`subscription { postAded(threadId: "x") { body } }`)).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "postAded" on type "Subscription".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('keeps the suggestions outside production', () => {
    expect(optionsFor({ NODE_ENV: 'development' }).httpErrors(TYPO)).toEqual([
      expect.objectContaining({ message: 'Cannot query field "mee" on type "Query". Did you mean "me"?' }),
    ]);
  });

  it('applies the depth, alias and cost limits to operations sent over a WebSocket', () => {
    const options = optionsFor({});
    expect(options.webSocket(DEEP_SUBSCRIPTION)).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'DEPTH', max: 10, actual: 11 } }),
    ]);
    const aliases = `subscription { postAdded(threadId: "x") { ${Array.from({ length: 31 }, (_, i) => `a${i}: body`).join(' ')} } }`;
    expect(options.webSocket(aliases)).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'ALIASES', max: 30 } }),
    ]);
    const costly = `{ space(slug: "x") { threads(first: 100) { edges { node { posts(first: 100) { edges { node { body } } } } } } } }`;
    expect(options.webSocket(costly)).toEqual([
      expect.objectContaining({
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'COST', max: 10_000, actual: 20302 },
      }),
    ]);
  });

  it('refuses an operation past the per-connection cap, and starts one below it', () => {
    const options = optionsFor({ GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3' });
    const subscription = `subscription { notificationAdded { kind } }`;
    expect(options.webSocket(subscription, 3)).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'SUBSCRIPTIONS', max: 3 } }),
    ]);
    const started = options.webSocket(subscription, 2) as { schema: GraphQLSchema; document: DocumentNode };
    expect(started.schema).toBe(schema);
    expect(print(started.document)).toBe(print(parse(subscription)));
  });

  it('answers a document over the token limit as a parse failure, over a WebSocket too', () => {
    const options = optionsFor({ GRAPHQL_MAX_TOKENS: '100' });
    expect(options.webSocket(`{ ${'me { handle } '.repeat(30)} }`)).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ]);
  });
});
