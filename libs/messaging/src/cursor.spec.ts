import { parseSequenceCursor, parseTimeCursor } from './cursor';

const UUID = '0b7c2f9e-3d1a-4c5b-9e8f-7a6b5c4d3e2f';
const invalid = expect.objectContaining({
  code: 'BAD_USER_INPUT',
  details: { fields: [{ field: 'after', message: 'Invalid cursor' }] },
});

describe('parseSequenceCursor', () => {
  it.each(['1', '42', '9223372036854775807', '0009'])('takes %s', (after) => {
    expect(parseSequenceCursor(after)).toBe(after);
  });

  it.each(['', '-1', '1.5', '1e3', ' 1', '9223372036854775808', '9999999999999999999', '99999999999999999999', '0x10'])(
    'refuses %j',
    (after) => {
      expect(() => parseSequenceCursor(after)).toThrow(invalid);
    },
  );
});

describe('parseTimeCursor', () => {
  it.each([
    '2024-01-31T12:34:56.789Z',
    '0001-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '2024-02-29T00:00:00Z',
    '2024-01-01T00:00:00.123456Z',
  ])('takes %s, as toISOString writes it', (at) => {
    expect(parseTimeCursor(`${at}|${UUID}`)).toEqual({ at, id: UUID });
  });

  it.each([
    ['a year JavaScript knows and PostgreSQL does not', `+275760-09-13T00:00:00.000Z|${UUID}`],
    ['an expanded year', `+020000-01-01T00:00:00Z|${UUID}`],
    ['a negative year', `-000001-01-01T00:00:00.000Z|${UUID}`],
    ['year 0', `0000-01-01T00:00:00.000Z|${UUID}`],
    ['30 February', `2024-02-30T00:00:00.000Z|${UUID}`],
    ['29 February of a common year', `2023-02-29T00:00:00.000Z|${UUID}`],
    ['hour 24', `2024-01-01T24:00:00.000Z|${UUID}`],
    ['a number Date.parse guesses a date from', `1|${UUID}`],
    ['a date in words', `Tue Mar 03 2020|${UUID}`],
    ['no zone', `2024-01-01T00:00:00.000|${UUID}`],
    ['a uuid of dashes', `2024-01-01T00:00:00.000Z|${'-'.repeat(36)}`],
    ['a uuid with a letter past f', `2024-01-01T00:00:00.000Z|${UUID.replace('0', 'g')}`],
    ['no uuid', '2024-01-01T00:00:00.000Z'],
    ['a second separator', `2024-01-01T00:00:00.000Z|${UUID}|x`],
    ['nothing', ''],
  ])('refuses %s', (_what, after) => {
    expect(() => parseTimeCursor(after)).toThrow(invalid);
  });
});
