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
    expect(errors[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'DEPTH', max: 4, actual: 7 });
  });

  it('measures each fragment once, so spreading fragments twice over many levels stays cheap', () => {
    // f0 spreads f1 twice, f1 spreads f2 twice ...: walked naively, 2^40 spreads.
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment f${i} on Topic { slug ...f${i + 1} ...f${i + 1} }`,
    ).join(' ');
    const query = `{ topics { ...f0 } } ${fragments} fragment f${levels} on Topic { parent { parent { slug } } }`;
    const errors = validate(schema, parse(query), [depthLimit(3)]);
    expect(errors.map((error) => error.message)).toEqual(['Query is 4 levels deep; the limit is 3']);
  });

  it('follows fragments, including ones that spread themselves', () => {
    const query = `{ topics { ...deep } } fragment deep on Topic { parent { parent { parent { ...deep } } } }`;
    expect(validate(schema, parse(query), [depthLimit(3)])).toHaveLength(1);
  });
});
