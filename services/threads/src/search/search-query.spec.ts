import { parseSearchQuery } from './search-query';

const term = (text: string, excluded = false) => ({ text, excluded });

describe('parseSearchQuery', () => {
  it('reads words as terms that must all match', () => {
    expect(parseSearchQuery('  reset   password ')).toEqual([[term('reset'), term('password')]]);
  });

  it('keeps a quoted phrase whole, and runs an unclosed quote to the end', () => {
    expect(parseSearchQuery('"reset the password" email')).toEqual([[term('reset the password'), term('email')]]);
    expect(parseSearchQuery('invoice "late fee')).toEqual([[term('invoice'), term('late fee')]]);
    expect(parseSearchQuery('a"b c"d')).toEqual([[term('a'), term('b c'), term('d')]]);
  });

  it('excludes a word or phrase with a leading dash, but not a dash inside a word', () => {
    expect(parseSearchQuery('password -link -"magic email" e-mail')).toEqual([
      [term('password'), term('link', true), term('magic email', true), term('e-mail')],
    ]);
    expect(parseSearchQuery('a - b --c')).toEqual([[term('a'), term('b'), term('c')]]);
  });

  it('splits alternatives at `or` between two terms, like websearch_to_tsquery', () => {
    expect(parseSearchQuery('a b OR c -d')).toEqual([
      [term('a'), term('b')],
      [term('c'), term('d', true)],
    ]);
    expect(parseSearchQuery('or a or')).toEqual([[term('or'), term('a'), term('or')]]);
    expect(parseSearchQuery('a or or b')).toEqual([[term('a')], [term('or'), term('b')]]);
  });

  it('drops alternatives that only exclude: nothing could find them but a scan of every post', () => {
    expect(parseSearchQuery('-spam')).toEqual([]);
    expect(parseSearchQuery('-a or -b')).toEqual([]);
    expect(parseSearchQuery('invoice or -spam')).toEqual([[term('invoice')]]);
  });

  it('finds nothing to search for in punctuation alone', () => {
    expect(parseSearchQuery('- "" --')).toEqual([]);
  });
});
