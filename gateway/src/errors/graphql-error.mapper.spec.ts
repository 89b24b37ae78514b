import { DomainError } from '@kern/messaging';
import { GraphQLError } from 'graphql';
import { formatGraphQLError } from './graphql-error.mapper';

function resolverError(original: Error) {
  return new GraphQLError(original.message, { originalError: original, path: ['createTopic'] });
}

describe('formatGraphQLError', () => {
  const logged: unknown[] = [];
  const format = formatGraphQLError((error) => logged.push(error));
  beforeEach(() => (logged.length = 0));

  it('keeps the code, message and details of a domain error', () => {
    const error = resolverError(new DomainError('BAD_USER_INPUT', 'Invalid input: slug: bad', { fields: [{ field: 'slug' }] }));
    expect(format({ message: error.message, path: ['createTopic'] }, error)).toEqual({
      message: 'Invalid input: slug: bad',
      path: ['createTopic'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'slug' }] },
    });
    expect(logged).toEqual([]);
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR and logs it', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const error = resolverError(bug);
    const formatted = format({ message: bug.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toEqual([bug]);
  });

  it('passes graphql-js request errors through', () => {
    const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error).extensions).toEqual({
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });
});
