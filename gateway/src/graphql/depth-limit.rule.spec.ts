import { buildSchema, parse, validate } from 'graphql';
import { depthLimit } from './depth-limit.rule';

const schema = buildSchema(`type Topic { slug: String! parent: Topic } type Query { topics: [Topic!]! }`);
const nested = (levels: number) => `{ topics { ${'parent { '.repeat(levels)}slug${' }'.repeat(levels)} } }`;

describe('depthLimit', () => {
  it('accepts a query at the limit', () => {
    expect(validate(schema, parse(nested(2)), [depthLimit(4)])).toEqual([]);
  });

  it('refuses a query deeper than the limit, saying how deep it is', () => {
    const errors = validate(schema, parse(nested(5)), [depthLimit(4)]);
    expect(errors.map((error) => error.message)).toEqual(['Query is 7 levels deep; the limit is 4']);
  });

  it('follows fragments, including ones that spread themselves', () => {
    const query = `{ topics { ...deep } } fragment deep on Topic { parent { parent { parent { ...deep } } } }`;
    expect(validate(schema, parse(query), [depthLimit(3)])).toHaveLength(1);
  });
});
