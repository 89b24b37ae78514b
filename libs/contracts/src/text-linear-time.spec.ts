import { craftedTexts } from '@kern/testing';
import { TopicSlug } from './expertise.contract';
import { identity } from './identity.contract';
import { SpaceSlug } from './spaces.contract';

// The payload schemas run their patterns on whatever a client sent, before any length check that
// comes after them in the chain; each must refuse a crafted 50 KB value in linear time. The bound is
// far above what that takes, and far below what a backtracking pattern would.
const GENEROUS_MS = 4_000;

const registration = { email: 'ann@example.com', password: 'correct horse battery', displayName: 'Ann', handle: 'ann' };

const SCHEMAS: Array<[name: string, parse: (text: string) => unknown]> = [
  ['a handle', (handle) => identity.register.request.safeParse({ ...registration, handle })],
  ['an e-mail address', (email) => identity.register.request.safeParse({ ...registration, email })],
  ['a user id', (id) => identity.getUser.request.safeParse({ id })],
  ['a topic slug', (slug) => TopicSlug.safeParse(slug)],
  ['a space slug', (slug) => SpaceSlug.safeParse(slug)],
];

describe.each(SCHEMAS)('%s made of a crafted 50 KB text', (_name, parse) => {
  it(`is refused in under ${GENEROUS_MS} ms`, () => {
    const slow: string[] = [];
    for (const [text, value] of craftedTexts()) {
      const started = performance.now();
      const parsed = parse(value) as { success: boolean };
      const elapsed = performance.now() - started;
      if (elapsed >= GENEROUS_MS) slow.push(`${text}: ${Math.round(elapsed)} ms`);
      if (parsed.success) slow.push(`${text}: accepted`);
    }
    expect(slow).toEqual([]);
  });
});
