import { ErrorCode } from '@kern/contracts';
import { craftedTexts } from '@kern/testing';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { fromGlobalId } from './common/global-id';

// What the gateway reads from a request with a pattern before any service sees it: the
// Authorization header and global ids. A crafted value must be refused in linear time; the bound is
// far above what that takes, and far below what a backtracking pattern would.
const GENEROUS_MS = 4_000;

// A malformed header is refused before the verifier needs keys, revocations or a service.
const verifier = new AccessTokenVerifier({} as never, {} as never, {} as never);

const READERS: Array<[name: string, read: (text: string) => Promise<unknown>]> = [
  ['a global id', (text) => Promise.resolve(fromGlobalId(text))],
  [
    'an Authorization header',
    (text) =>
      verifier.principalFor(`Bearer ${text}`).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      ),
  ],
];

describe.each(READERS)('%s made of a crafted 50 KB text', (_name, read) => {
  it(`is read in under ${GENEROUS_MS} ms`, async () => {
    const slow: string[] = [];
    for (const [text, value] of craftedTexts()) {
      const started = performance.now();
      const result = await read(value);
      const elapsed = performance.now() - started;
      if (elapsed >= GENEROUS_MS) slow.push(`${text}: ${Math.round(elapsed)} ms`);
      if (result !== null && result !== ErrorCode.UNAUTHENTICATED) slow.push(`${text}: ${JSON.stringify(result)}`);
    }
    expect(slow).toEqual([]);
  });
});
