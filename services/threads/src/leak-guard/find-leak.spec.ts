import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from '../posts/markdown';
import { findLeak } from './find-leak';

const corpus = JSON.parse(readFileSync(join(__dirname, 'leak-corpus.fixture.json'), 'utf8')) as {
  internalNotes: string[];
  ordinaryReplies: string[];
};
const internal = corpus.internalNotes;

// From the first note; what an employee pastes into a public reply by mistake.
const pasted = 'this customer is on the legacy plan and we lose money on every invoice';
const eachWord = (text: string, change: (word: string) => string) => text.replace(/\S+/g, change);
const LOOK_ALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  s: 'ѕ',
  y: 'у',
  T: 'Т',
  H: 'Н',
};
const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

describe('findLeak', () => {
  describe('when a public reply repeats an internal note in disguise, then it is found', () => {
    it.each([
      ['as pasted', `Hi! As we discussed, ${pasted}.`],
      [
        'with HTML entities',
        'Hi! T&#104;is customer is on th&#x65; legacy pl&amp;an and we lose m&#111;ney on every inv&#111;ice.'.replace(
          '&amp;',
          '',
        ),
      ],
      ['with zero-width spaces inside words', eachWord(pasted, (word) => [...word].join('\u200b'))],
      [
        'with zero-width joiners and bidi marks',
        eachWord(pasted, (word) => `${word.slice(0, 1)}\u200d${word.slice(1)}\u200e`),
      ],
      ['with soft hyphens inside words', eachWord(pasted, (word) => [...word].join('\u00ad'))],
      ['with Cyrillic look-alikes', pasted.replace(/[acei ops yTH]/g, (char) => LOOK_ALIKES[char] ?? char)],
      ['in full-width letters', fullWidth(pasted)],
      [
        'with ** inside words',
        eachWord(pasted, (word) => (word.length > 3 ? `${word.slice(0, 2)}**${word.slice(2)}**` : word)),
      ],
      [
        'with __ and ` inside words',
        eachWord(pasted, (word) => (word.length > 3 ? `${word.slice(0, 2)}__${word.slice(2)}__` : `\`${word}\``)),
      ],
      [
        'with typed tags inside words',
        eachWord(pasted, (word) => (word.length > 3 ? `${word.slice(0, 2)}<b>${word.slice(2)}</b>` : word)),
      ],
      ['in capitals with accents', 'THÍS CÜSTOMER ÏS ÖN THE LÉGACY PLAN ÀND WE LOSE MONEY'],
      ['as the first 11 words only', 'this customer is on the legacy plan and we lose money'],
      ['across lines and a list', '- this customer is on the\n- legacy plan and we lose money on every'],
      ['inside link text', `See [${pasted}](https://kern.example/help)`],
    ])('%s', (_how, reply) => {
      expect(findLeak(reply, { internal })).toMatchObject({ reason: 'REPEATS_INTERNAL', match: 'PASSAGE' });
    });
  });

  describe('when a public reply names something only internal notes name, then it is found', () => {
    it.each([
      ['a case number', 'Your RMA number is INT-RMA-7781.', 'int-rma-7781'],
      [
        'a case number written differently',
        'Your RMA number is INT RMA 7781, or intrma7781 in the portal.',
        'int-rma-7781',
      ],
      [
        'a case number in a link target only',
        'Track it [here](https://tracker.example/cases/INT-RMA-7781).',
        'int-rma-7781',
      ],
      ['a case number with a zero-width space', 'Case INT-RMA-77\u200b81 is open.', 'int-rma-7781'],
      ['a case number in full width', 'Case ＩＮＴ－ＲＭＡ－７７８１ is open.', 'int-rma-7781'],
      ['an internal ticket', 'That is tracked as KL-20931.', 'kl-20931'],
      ['an order number', 'Order ORD-2024-00042 is waiting for a check.', 'ord-2024-00042'],
      ['a customer number', 'Uw klantnummer is 48213.', '48213'],
      ['an e-mail address', 'You can write to a.jansen@example.nl.', 'a.jansen@example.nl'],
      ['a phone number', 'Call +31 6 1234 5678 for details.', '+31 6 1234 5678'],
      ['a server name', 'EX-2013-03 stays online for now.', 'ex-2013-03'],
    ])('%s', (_what, reply, repeated) => {
      expect(findLeak(reply, { internal })).toEqual({ reason: 'REPEATS_INTERNAL', match: 'IDENTIFIER', repeated });
    });
  });

  it('reads stored rendered HTML and plain text as it reads the markdown they come from', () => {
    const stored = internal.map((note) => ({ html: renderMarkdown(note) }));
    expect(findLeak(`Hi! ${pasted}.`, { internal: stored })).toMatchObject({ match: 'PASSAGE' });
    expect(findLeak('Your RMA number is INT-RMA-7781.', { internal: stored })).toMatchObject({ match: 'IDENTIFIER' });
    expect(
      findLeak('Your RMA number is INT-RMA-7781.', {
        internal: stored,
        alreadyPublic: [{ text: 'Title: RMA INT-RMA-7781' }],
      }),
    ).toBeNull();
    expect(
      findLeak('Secret launch plans for the Benelux market', {
        internal: [{ text: 'Secret launch plans for the Benelux market' }],
      }),
    ).toMatchObject({ match: 'PASSAGE' });
    for (const reply of corpus.ordinaryReplies) expect(findLeak(reply, { internal: stored })).toBeNull();
  });

  it('finds a whole short internal note repeated', () => {
    expect(
      findLeak('Refund approved by finance, keep quiet.', { internal: ['Refund approved by finance; keep quiet!'] }),
    ).toMatchObject({ match: 'PASSAGE' });
  });

  describe('when a public reply is ordinary, then nothing is found', () => {
    it.each(corpus.ordinaryReplies)('%s', (reply) => {
      expect(findLeak(reply, { internal })).toBeNull();
    });

    it('has at least 60 ordinary replies in English and Dutch to check', () => {
      expect(corpus.ordinaryReplies.length).toBeGreaterThanOrEqual(60);
    });

    it('lets a stock phrase through that a note shares with replies', () => {
      expect(
        findLeak('Thank you for your patience, let me know if you have any other questions.', { internal }),
      ).toBeNull();
    });

    it('lets versions, dates, amounts and product names through that notes mention too', () => {
      const reply =
        'On Office 365 with 2FA, the Fritz!Box 7590 with firmware 7.57 or 7.58 works since 2024-01-15; the credit was 50 euros.';
      expect(findLeak(reply, { internal })).toBeNull();
    });

    it('lets shorter overlaps through', () => {
      expect(findLeak('You are on the legacy plan and we can help.', { internal })).toBeNull();
      expect(findLeak('', { internal })).toBeNull();
      expect(findLeak(pasted, { internal: [] })).toBeNull();
    });
  });

  describe('when what is repeated was already public in the thread, then nothing is found', () => {
    const customer =
      'My order ORD-2024-00042 never arrived and the credit check failed, what does that mean for my order?';

    it('lets the customer’s own order number through', () => {
      const reply = 'Your order ORD-2024-00042 is on its way.';
      expect(findLeak(reply, { internal })).toMatchObject({ match: 'IDENTIFIER' });
      expect(findLeak(reply, { internal, alreadyPublic: [customer] })).toBeNull();
    });

    it('lets a quote of the customer through that an internal note quoted too', () => {
      const note = `Customer wrote: "${customer}" Risk team has to decide.`;
      const reply = `You wrote: "${customer.slice(0, 60)}". We are checking it.`;
      expect(findLeak(reply, { internal: [note] })).not.toBeNull();
      expect(findLeak(reply, { internal: [note], alreadyPublic: [customer] })).toBeNull();
    });

    it('still finds what is new to customers', () => {
      expect(findLeak(`Your order is fine. ${pasted}`, { internal, alreadyPublic: [customer] })).toMatchObject({
        match: 'PASSAGE',
      });
    });
  });
});
