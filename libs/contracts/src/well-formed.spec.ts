import { z } from 'zod';
import { ANONYMOUS } from './principal';
import { envelopeOf, type AnyRpc } from './rpc';
import { expertise } from './expertise.contract';
import { identity } from './identity.contract';
import { spaces } from './spaces.contract';
import { insights, notifications, threads } from './threads.contract';
import { illFormedStrings, LONE_SURROGATE_MESSAGE, NUL_MESSAGE, wellFormed } from './well-formed';

describe('illFormedStrings', () => {
  it('finds NUL and unpaired surrogates anywhere, with their paths', () => {
    const payload = {
      title: 'a\u0000b',
      topics: ['ok', 'x\ud800'],
      nested: { deeper: [{ body: '\udc00' }] },
      ['key\u0000']: 1,
    };
    expect(illFormedStrings(payload)).toEqual([
      { path: ['title'], message: NUL_MESSAGE },
      { path: ['topics', 1], message: LONE_SURROGATE_MESSAGE },
      { path: ['nested', 'deeper', 0, 'body'], message: LONE_SURROGATE_MESSAGE },
      { path: ['key\u0000'], message: NUL_MESSAGE },
    ]);
  });

  it('takes well-formed text, paired surrogates (emoji) included', () => {
    expect(illFormedStrings({ title: '👍🏽 naïve 日本 \ud83d\ude00', count: 3, empty: null, flag: true })).toEqual([]);
  });

  it('walks a deeply nested payload without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(illFormedStrings(deep)).toHaveLength(1);
  });
});

describe('wellFormed', () => {
  const schema = wellFormed(z.object({ name: z.string().trim().toLowerCase().min(5) }));

  it('refuses before the schema and its transforms see the text', () => {
    const result = schema.safeParse({ name: ' A\u0000 ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['name'], message: NUL_MESSAGE })]);
  });

  it('then applies the schema', () => {
    expect(schema.parse({ name: ' HELLO ' })).toEqual({ name: 'hello' });
    expect(schema.safeParse({ name: 'hi' }).success).toBe(false);
  });
});

describe('every request of every contract', () => {
  const maps = { identity, spaces, expertise, threads, insights, notifications };
  const rpcs = Object.entries(maps).flatMap(([service, map]) =>
    Object.entries(map).map(([name, rpc]) => [`${service}.${name}`, rpc as AnyRpc] as const),
  );

  it.each(rpcs)('%s refuses a NUL and a lone surrogate in its envelope, naming the field', (_name, rpc) => {
    const result = envelopeOf(rpc.request).safeParse({
      principal: ANONYMOUS,
      payload: { anything: 'a\u0000', other: ['\ud800'] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['payload', 'anything'], message: NUL_MESSAGE }),
      expect.objectContaining({ path: ['payload', 'other', 0], message: LONE_SURROGATE_MESSAGE }),
    ]);
  });
});
