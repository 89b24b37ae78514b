/** The longest post body the contracts accept (`Body` in libs/contracts threads.contract.ts). */
export const BODY_LIMIT = 50_000;

/** `piece` repeated to exactly `length` characters. */
const filled = (piece: string, length: number) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

/** A start, a long middle that keeps a pattern guessing, and an end that makes it fail at last. */
const held = (start: string, middle: string, end: string, length: number) =>
  start + filled(middle, length - start.length - end.length) + end;

/**
 * Texts that make a backtracking pattern or a careless scanner take quadratic (or worse) time, each
 * `length` characters: long runs of what a quantifier takes (spaces, letters, digits, dots), a start of
 * a construct repeated thousands of times (`[`, `@`, `www.`, `` ` ``, `&#`), and constructs held open
 * until the last character. Every function that runs patterns on user text is fed all of them.
 */
export function craftedTexts(length = BODY_LIMIT): Array<[name: string, text: string]> {
  let backtickRuns = '';
  let wideTables = '';
  const wideTable = `|${'a|'.repeat(100)}\n|${'-|'.repeat(100)}\n${'|\n'.repeat(650)}\n`;
  while (wideTables.length < length) wideTables += wideTable;
  const reference = `\n\n[a]: https://a.example/${'a'.repeat(20_000)}`;
  for (let size = 1; backtickRuns.length < length; size += 1) backtickRuns += `${'`'.repeat(size)}a`;
  const texts: Record<string, string> = {
    // The body that blocked the threads service for seconds: a markdown link held open by spaces.
    'a link target held open by spaces': held('[](', ' ', 'x', length),
    'a link title held open by spaces': held('[a](x ', ' ', '"', length),
    'an angle-bracket link target held open': held('[a](<', ' ', 'x', length),
    'link labels never closed': filled('[', length),
    'links never closed': filled('[a](', length),
    'images never closed': filled('![', length),
    'nested labels': filled('[a', length),
    'titles in titles': filled('[](x "', length),
    'one letter': filled('a', length),
    'one word repeated': filled('word ', length),
    'spaces between two words': held('a', ' ', 'b', length),
    'line breaks': filled('\n', length),
    tabs: filled('\t', length),
    digits: filled('1', length),
    'digits and spaces': filled('1 ', length),
    'digits and dashes': filled('1-', length),
    'digits and dots': filled('1.', length),
    'a phone number prefix repeated': filled('+31 6 1234 ', length),
    'a percentage held open by spaces': held('1%', ' ', 'x', length),
    'an amount held open by digits': held('interest ', '1', 'x', length),
    'a contact phrase held open by spaces': held('neem x', ' ', 'x', length),
    'an e-mail domain of dots': held('x@', 'a.', '1', length),
    'e-mail local parts without a domain': filled(`${'a'.repeat(64)}@${'1.'.repeat(30)} `, length),
    'a disguised e-mail address held open': filled('a [at] b [dot] ', length),
    'at signs': filled('@', length),
    'mention starts': filled('@a.', length),
    'mentions that end in a dash': filled('@ab-', length),
    'www. repeated': filled('www.', length),
    'a www. domain without a dot': held('www.', 'a', '', length),
    'www. labels ending in a dash': filled('www.a-', length),
    'URL schemes': filled('http://', length),
    'autolinks never closed': filled('<http://', length),
    backticks: filled('`', length),
    'backtick runs of growing length': backtickRuns.slice(0, length),
    'code fences never closed': filled('```a', length),
    tildes: filled('~~~', length),
    stars: filled('*', length),
    'emphasis never closed': filled('*a', length),
    'strong emphasis inside words': filled('**a', length),
    underscores: filled('_a', length),
    'less-than signs': filled('<', length),
    'tags never closed': filled('<a', length),
    'tag-like text held open': held('<b ', 'a', '', length),
    ampersands: filled('&', length),
    'numeric entities never closed': filled('&#', length),
    'numeric entities': filled('&#104;', length),
    'hex entities never closed': filled('&#x', length),
    quotes: filled('"', length),
    'a quote never closed': held('"', 'a', '', length),
    dashes: filled('-', length),
    'a letter and dashes': held('a', '-', '', length),
    'id-like dashes': filled('a-', length),
    'hex groups': filled('aaaaaaaa-', length),
    'id separators': filled('a1-', length),
    'space links': filled('/spaces/a-', length),
    pipes: filled('|', length),
    'table cells': filled('|a', length),
    'table rows': `| a | b |\n|---|---|\n${filled('|\n', length - 20)}`,
    'reference definitions': filled('[a]: b\n', length),
    // Each row of a table gets a cell for every header column, written or not.
    'wide tables of empty rows': wideTables.slice(0, length),
    // A reference link writes its target out again at every use.
    'a long link target used thousands of times': filled('[a]', length - reference.length) + reference,
    'deeply nested quotes, again and again': filled(`${'>'.repeat(100)} a\n\n`, length),
    'deeply nested lists, again and again': filled(`${'- '.repeat(100)}a\n\n`, length),
    'quotes and lists': filled('> - 1. ', length),
    'setext headings': filled('a\n=\n', length),
    backslashes: filled('\\', length),
    'zero-width spaces': filled('a\u200b', length),
    'soft hyphens': filled('a\u00ad', length),
    'combining marks': filled('e\u0301', length),
    'Cyrillic look-alikes': filled('Тhіs ', length),
    'full-width letters': filled('ｆｕｌｌ ', length),
    'one CJK character': filled('数', length),
    'astral characters': filled('𝐚', length),
  };
  return Object.entries(texts);
}
