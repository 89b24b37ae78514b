/** A word or a "quoted phrase" as the user typed it; `-` in front excludes it. */
export interface SearchTerm {
  text: string;
  excluded: boolean;
}

/**
 * What users type into a search box, as `websearch_to_tsquery` reads it: alternatives separated by
 * `or`, each a list of terms that must all match (or, with `-`, must not). PostgreSQL stems each term
 * afterwards, in the language of the text it is matched against.
 */
export type SearchQuery = SearchTerm[][];

/** Every term becomes SQL with its own parameter: enough for any real question, bounded for the planner. */
export const MAX_SEARCH_TERMS = 32;

export function parseSearchQuery(input: string): SearchQuery {
  const alternatives: SearchQuery = [[]];
  let joinWithOr = false;
  for (const token of tokens(input)) {
    const last = alternatives[alternatives.length - 1];
    if (!token.quoted && !token.excluded && token.text.toLowerCase() === 'or') {
      // `or` between two terms separates alternatives; anywhere else it is just a word.
      if (last.length > 0 && !joinWithOr) {
        joinWithOr = true;
        continue;
      }
    }
    if (joinWithOr) {
      alternatives.push([]);
      joinWithOr = false;
    }
    alternatives[alternatives.length - 1].push({ text: token.text, excluded: token.excluded });
  }
  if (joinWithOr) alternatives[alternatives.length - 1].push({ text: 'or', excluded: false });
  // An alternative of exclusions only would match nearly every post, and no index can find those.
  return alternatives.filter((terms) => terms.some((term) => !term.excluded));
}

interface Token {
  text: string;
  quoted: boolean;
  excluded: boolean;
}

/** Words and quoted phrases; a `-` right before either excludes it, an unclosed quote runs to the end. */
function* tokens(input: string): Generator<Token> {
  const pattern = /(-*)(?:"([^"]*)"?|([^\s"]+))/g;
  for (const match of input.matchAll(pattern)) {
    const [, dashes, phrase, word] = match;
    const text = (phrase ?? word ?? '').trim();
    // A lone `-` is punctuation, not an exclusion of nothing.
    if (text === '' || /^-+$/.test(text)) continue;
    yield { text, quoted: phrase !== undefined, excluded: dashes.length % 2 === 1 };
  }
}
