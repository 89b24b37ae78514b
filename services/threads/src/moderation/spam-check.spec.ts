import { type SpamClassifier, type SpamSignals, SPAM_THRESHOLD, checkSpam } from './spam-check';

function fromNewAccount(body: string, overrides: Partial<SpamSignals> = {}): SpamSignals {
  return { body, recentBodies: [], secondsSinceLastPost: null, newAccount: true, ...overrides };
}

const loanSpam = 'Loans at 2% interest, contact me at some-address@gmail.com';

describe('checkSpam', () => {
  it('holds the classic loan offer with an e-mail address from a new account', async () => {
    expect(await checkSpam(fromNewAccount(loanSpam))).toEqual({
      score: 5,
      reasons: ['EMAIL_ADDRESS', 'MONEY_OFFER'],
      held: true,
    });
  });

  it('holds the Dutch loan offer with a phone number from a new account', async () => {
    const verdict = await checkSpam(fromNewAccount('Snelle leningen tegen 2% rente, neem contact op via 06-12345678'));
    expect(verdict).toEqual({ score: 5, reasons: ['PHONE_NUMBER', 'MONEY_OFFER'], held: true });
  });

  it('lets a new customer thank someone with a link to the docs', async () => {
    const verdict = await checkSpam(fromNewAccount('Thanks, that fixed it! See https://docs.example.com/setup'));
    expect(verdict).toEqual({ score: 0, reasons: [], held: false });
  });

  it('scores an established account the same but never holds its post', async () => {
    const verdict = await checkSpam(fromNewAccount(loanSpam, { newAccount: false }));
    expect(verdict).toEqual({ score: 5, reasons: ['EMAIL_ADDRESS', 'MONEY_OFFER'], held: false });
  });

  it('fires LINKS for more than one link, counting the title too', async () => {
    expect((await checkSpam(fromNewAccount('one: https://a.example'))).reasons).toEqual([]);
    const verdict = await checkSpam(fromNewAccount('one: https://a.example', { title: 'Visit www.b.example' }));
    expect(verdict).toMatchObject({ score: 2, reasons: ['LINKS'] });
  });

  it('reads the title for contact details and offers as well', async () => {
    const verdict = await checkSpam(
      fromNewAccount('Details inside.', { title: 'Cheap loans, mail some-address@gmail.com' }),
    );
    expect(verdict).toMatchObject({ reasons: ['EMAIL_ADDRESS', 'MONEY_OFFER'], held: true });
  });

  it('does not hold contact details alone: customers share a support number or address', async () => {
    const verdict = await checkSpam(
      fromNewAccount('Support told me to call +31 20 123 4567 or write to help@vendor.example'),
    );
    expect(verdict).toEqual({ score: 4, reasons: ['EMAIL_ADDRESS', 'PHONE_NUMBER'], held: false });
  });

  it('fires REPEATED_TEXT when the body nearly repeats one of the recent posts', async () => {
    const earlier = 'Great product, everyone should try the premium plan from our reseller today';
    const verdict = await checkSpam(
      fromNewAccount(earlier.replace('today', 'now'), { recentBodies: ['Hello all, new here.', earlier] }),
    );
    expect(verdict).toMatchObject({ score: 3, reasons: ['REPEATED_TEXT'] });
  });

  it('does not fire REPEATED_TEXT for a different post on the same topic', async () => {
    const verdict = await checkSpam(
      fromNewAccount('The export fails again after the update', { recentBodies: ['The export fails with a timeout'] }),
    );
    expect(verdict.reasons).toEqual([]);
  });

  it('fires POSTING_SPEED under 20 seconds since the last post, not at 20', async () => {
    expect((await checkSpam(fromNewAccount('ok', { secondsSinceLastPost: 19 }))).reasons).toEqual(['POSTING_SPEED']);
    expect((await checkSpam(fromNewAccount('ok', { secondsSinceLastPost: 20 }))).reasons).toEqual([]);
  });

  it('holds the same link post repeated quickly', async () => {
    const body = 'Best deals at https://a.example and https://b.example';
    const verdict = await checkSpam(fromNewAccount(body, { recentBodies: [body], secondsSinceLastPost: 5 }));
    expect(verdict).toEqual({ score: 6, reasons: ['LINKS', 'REPEATED_TEXT', 'POSTING_SPEED'], held: true });
  });

  it('scores an empty body as clean', async () => {
    const verdict = await checkSpam(fromNewAccount('', { recentBodies: [''] }));
    expect(verdict).toEqual({ score: 0, reasons: [], held: false });
  });

  describe('with an external classifier', () => {
    const classifierSaying = (opinion: { score: number; reason: string } | null) => {
      const classifier: SpamClassifier = { score: jest.fn().mockResolvedValue(opinion) };
      return classifier;
    };

    it('asks it about the post and adds its score and reason', async () => {
      const score = jest.fn().mockResolvedValue({ score: SPAM_THRESHOLD, reason: 'CLASSIFIER: known spam domain' });
      const signals = fromNewAccount('Nice article on www.a.example');

      const verdict = await checkSpam(signals, { score });

      expect(score).toHaveBeenCalledWith(signals);
      expect(verdict).toEqual({ score: SPAM_THRESHOLD, reasons: ['CLASSIFIER: known spam domain'], held: true });
    });

    it('keeps the rules alone deciding when it has no opinion', async () => {
      const verdict = await checkSpam(fromNewAccount(loanSpam), classifierSaying(null));
      expect(verdict).toEqual({ score: 5, reasons: ['EMAIL_ADDRESS', 'MONEY_OFFER'], held: true });
    });

    it('can tip a borderline post over the threshold', async () => {
      const signals = fromNewAccount('Support told me to call +31 20 123 4567 or write to help@vendor.example');
      const verdict = await checkSpam(signals, classifierSaying({ score: 1, reason: 'CLASSIFIER' }));
      expect(verdict).toMatchObject({ score: 5, held: true });
    });
  });
});
