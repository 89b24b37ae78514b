import {
  countLinks,
  countMentions,
  hasEmailAddress,
  hasMoneyOffer,
  hasPhoneNumber,
  mentionedHandles,
  similarity,
} from './text-features';

describe('countLinks', () => {
  it('counts bare URLs, markdown links, images and www. domains', () => {
    const body =
      'See https://a.example/x and [the docs](https://b.example), ![shot](http://c.example/i.png) or www.d.example.';
    expect(countLinks(body)).toBe(4);
  });

  it('counts a markdown link whose text is its URL once', () => {
    expect(countLinks('[https://a.example](https://a.example)')).toBe(1);
  });

  it('counts a markdown link with a title once', () => {
    expect(countLinks('[docs](https://a.example "The docs") and [more](<https://b.example>)')).toBe(2);
  });

  it('reads a link with spaces around its target, and none in a link that is never closed', () => {
    expect(countLinks('[docs](   https://a.example   ) and ![](\n<https://b.example>\n"t"\n)')).toBe(2);
    expect(countLinks(`[](${' '.repeat(1_000)}x`)).toBe(0);
    expect(countLinks('[docs](elsewhere "never closed)')).toBe(0);
  });

  it('counts a URL that starts with www. once', () => {
    expect(countLinks('https://www.a.example/page')).toBe(1);
  });

  it('does not count links to the forum itself', () => {
    expect(countLinks('As in [this thread](/t/123) and [above](#answer)')).toBe(0);
  });

  it('counts a protocol-relative markdown link: it leaves the forum', () => {
    expect(countLinks('[elsewhere](//evil.example)')).toBe(1);
  });

  it('finds nothing in an empty body or plain prose', () => {
    expect(countLinks('')).toBe(0);
    expect(countLinks('Restarting the router fixed it.')).toBe(0);
  });
});

describe('mentionedHandles and countMentions', () => {
  it('finds each handle once, keeping its first spelling', () => {
    const body = '@Alice and @bob.smith, thanks! (cc @alice, @BOB.smith)';
    expect(mentionedHandles(body)).toEqual(['Alice', 'bob.smith']);
    expect(countMentions(body)).toBe(2);
  });

  it('does not take an e-mail address or a URL path for a mention', () => {
    expect(mentionedHandles('mail some-address@gmail.com or read medium.com/@writer')).toEqual([]);
  });

  it('leaves off the punctuation that ends a sentence', () => {
    expect(mentionedHandles('Ask @carol_d. Or @dave-e!')).toEqual(['carol_d', 'dave-e']);
  });

  it('ignores handles that are too short or too long', () => {
    expect(mentionedHandles(`@ab and @${'x'.repeat(31)}`)).toEqual([]);
  });

  it('ignores decorators in code', () => {
    const body = 'My `@Injectable()` service:\n```ts\n@Controller()\nexport class Cats {}\n```\nany idea @erin?';
    expect(mentionedHandles(body)).toEqual(['erin']);
  });

  it('finds nothing in an empty body', () => {
    expect(countMentions('')).toBe(0);
  });
});

describe('hasEmailAddress', () => {
  it.each([
    'contact me at some-address@gmail.com',
    'write to john.doe+forum@mail.example.nl',
    'john [at] example [dot] com',
  ])('finds the address in "%s"', (text) => expect(hasEmailAddress(text)).toBe(true));

  it.each(['thanks @bob.smith', 'installed pkg@1.2.3', ''])('finds none in "%s"', (text) => {
    expect(hasEmailAddress(text)).toBe(false);
  });
});

describe('hasPhoneNumber', () => {
  it.each(['bel 06-12345678', 'call +31 6 1234 5678', 'US: (555) 123-4567', 'whatsapp +447911123456'])(
    'finds the number in "%s"',
    (text) => expect(hasPhoneNumber(text)).toBe(true),
  );

  it.each([
    'order 1234567 arrived',
    'since 2024-01-15',
    'since 2024-01-15 10:30',
    'version 10.2.3.4567',
    'card 1234 5678 9012 3456 7890',
    '',
  ])('finds none in "%s"', (text) => expect(hasPhoneNumber(text)).toBe(false));
});

describe('hasMoneyOffer', () => {
  it.each([
    'Loans at 2% interest, contact me at some-address@gmail.com',
    'Snelle leningen tegen 2% rente, neem contact op via 06-12345678',
    'Leningen met een rente van 1,9%',
    'Fast cash for everyone',
    'Earn $500 a day from home',
    'Verdien €300 per dag',
    'Guaranteed returns on your bitcoin investment',
    'Beleggen in crypto? Whatsapp mij',
  ])('finds an offer in "%s"', (text) => expect(hasMoneyOffer(text)).toBe(true));

  it.each([
    'Quick question about my loan: the statement is empty',
    'The cash column in the report is empty',
    'Thanks, that fixed it! See https://docs.example.com/setup',
    'If it happens again, contact me',
    '',
  ])('finds none in "%s"', (text) => expect(hasMoneyOffer(text)).toBe(false));
});

describe('similarity', () => {
  const spam =
    'Best loans in town at two percent interest, write to me today and get your money within the hour guaranteed';

  it('is 1 for the same words, whatever the case and punctuation', () => {
    expect(similarity(spam, spam.toUpperCase().replace(/,/g, ''))).toBe(1);
  });

  it('stays above 0.8 when a spammer changes one word', () => {
    expect(similarity(spam, spam.replace('today', 'now'))).toBeGreaterThanOrEqual(0.8);
  });

  it('stays well below 0.8 for different posts on the same topic', () => {
    expect(similarity('How do I reset my password?', 'I reset my password but the link expired')).toBeLessThan(0.5);
  });

  it('is 0 when either text has no words', () => {
    expect(similarity('', '')).toBe(0);
    expect(similarity('hello', '...')).toBe(0);
  });
});
