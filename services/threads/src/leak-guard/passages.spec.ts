import { referencedIds, referencedSpaceSlugs } from './passages';

describe('referencedIds', () => {
  it('finds global ids of threads, posts and spaces, and raw UUIDs', () => {
    const thread = Buffer.from('Thread:11111111-2222-4333-8444-555555555555').toString('base64url');
    const space = Buffer.from('Space:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee').toString('base64url');
    const found = referencedIds(
      `see https://kern.example/threads/${thread} and /spaces/${space}, or 99999999-8888-4777-8666-555555555555`,
    );
    expect(found.threadIds).toEqual(['11111111-2222-4333-8444-555555555555']);
    expect(found.spaceIds).toEqual(['aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee']);
    expect(found.unknownIds).toEqual(['99999999-8888-4777-8666-555555555555']);
  });

  it('finds ids hidden by zero-width characters, entities, full-width forms or percent-escapes', () => {
    const thread = Buffer.from('Thread:11111111-2222-4333-8444-555555555555').toString('base64url');
    const zeroWidth = `${thread.slice(0, 10)}\u200b${thread.slice(10)}`;
    const entity = `${thread.slice(0, 10)}&#${thread.charCodeAt(10)};${thread.slice(11)}`;
    const fullWidth = '１１１１１１１１-2222-4333-8444-555555555555';
    for (const body of [
      `see /threads/${zeroWidth}`,
      `see /threads/${entity}`,
      `[the answer](https://kern.example/threads/${entity})`,
      `id ${fullWidth}`,
    ]) {
      const found = referencedIds(body);
      expect([...found.threadIds, ...found.unknownIds]).toContain('11111111-2222-4333-8444-555555555555');
    }
  });

  it('finds nothing in ordinary text', () => {
    expect(referencedIds('Just a normal reply with a https://example.com/link.')).toEqual({
      threadIds: [],
      spaceIds: [],
      unknownIds: [],
    });
  });
});

describe('referencedSpaceSlugs', () => {
  it('reads space slugs from links', () => {
    expect(referencedSpaceSlugs('ask in https://kern.example/spaces/Backoffice/threads or /spaces/tax-team')).toEqual([
      'backoffice',
      'tax-team',
    ]);
  });

  it.each([
    ['an entity', 'details in /spaces/back&#111;ffice'],
    ['entities in a link target', '[our FAQ](&#47;spaces&#47;backoffice)'],
    ['a zero-width space', 'details in /spaces/back\u200boffice'],
    ['a soft hyphen in a link target', '[FAQ](/spaces/back\u00adoffice)'],
    ['full-width slashes', 'details in ／spaces／backoffice'],
    ['a percent-escape', '[FAQ](https://kern.example/spaces/back%6Fffice)'],
  ])('reads a slug hidden by %s', (_how, body) => {
    expect(referencedSpaceSlugs(body)).toContain('backoffice');
  });
});
