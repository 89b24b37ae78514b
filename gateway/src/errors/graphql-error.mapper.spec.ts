import { DomainError } from '@kern/messaging';
import { GraphQLError } from 'graphql';
import { queryLimitError } from '../graphql/query-limit.error';
import { formatGraphQLError } from './graphql-error.mapper';

function resolverError(original: Error) {
  return new GraphQLError(original.message, { originalError: original, path: ['createTopic'] });
}

describe('formatGraphQLError', () => {
  const logged: unknown[] = [];
  const format = formatGraphQLError((error) => logged.push(error));
  beforeEach(() => (logged.length = 0));

  it('keeps the code, message and details of a domain error', () => {
    const error = resolverError(
      new DomainError('BAD_USER_INPUT', 'Invalid input: slug: bad', { fields: [{ field: 'slug', message: 'bad' }] }),
    );
    expect(format({ message: error.message, path: ['createTopic'] }, error)).toEqual({
      message: 'Invalid input: slug: bad',
      path: ['createTopic'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'slug', message: 'bad' }] },
    });
    expect(logged).toEqual([]);
  });

  it('never lets a detail replace the code', () => {
    // Details arrive over NATS untyped; one named `code` must not turn a FORBIDDEN into anything else.
    const remote = new DomainError('FORBIDDEN', 'No', { code: 'NOT_FOUND', reason: 'BANNED' } as never);
    const error = resolverError(remote);
    expect(format({ message: error.message }, error).extensions).toEqual({ code: 'FORBIDDEN', reason: 'BANNED' });
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR and logs it', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const error = resolverError(bug);
    const formatted = format(
      { message: bug.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([bug]);
  });

  it('passes graphql-js request errors through', () => {
    const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error).extensions).toEqual({
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('keeps a query limit with its code, even where Apollo wrapped it as a validation failure', () => {
    const limit = queryLimitError('COST', 'Query costs 20302; the limit is 10000', 10_000, { actual: 20302 });
    const wrapped = new GraphQLError(limit.message, {
      originalError: limit,
      extensions: { ...limit.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    for (const error of [limit, wrapped]) {
      expect(format({ message: error.message, extensions: error.extensions }, error)).toEqual({
        message: 'Query costs 20302; the limit is 10000',
        locations: undefined,
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'COST', max: 10_000, actual: 20302 },
      });
    }
  });

  it('leaves out "Did you mean" suggestions when told to (production), and only then', () => {
    const messages = [
      ['Cannot query field "mee" on type "Query". Did you mean "me"?', 'Cannot query field "mee" on type "Query".'],
      [
        'Value "EXTERNL" does not exist in "Audience" enum. Did you mean the enum value "EXTERNAL"?',
        'Value "EXTERNL" does not exist in "Audience" enum.',
      ],
      [
        'Unknown argument "frist" on field "Query.spaces". Did you mean "first"?',
        'Unknown argument "frist" on field "Query.spaces".',
      ],
    ];
    const production = formatGraphQLError(() => undefined, { hideSuggestions: true });
    for (const [message, hidden] of messages) {
      const error = new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(production({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).message).toBe(hidden);
      expect(format({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).message).toBe(message);
    }
  });
});
