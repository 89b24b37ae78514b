import { referencedIds, referencedSpaceSlugs, repeatsPassage } from './passages';

const note = 'Internal: this customer is on the legacy plan and we lose money on every invoice we send them, do not offer discounts.';

describe('repeatsPassage', () => {
  it('finds twelve words in a row from a source, whatever the case, punctuation and spacing', () => {
    const reply = 'Hi! As we said, THIS customer is on the legacy plan and we lose money on every invoice... sorry';
    expect(repeatsPassage(reply, [note])).toBe(true);
  });

  it('lets shorter overlaps and unrelated text through', () => {
    expect(repeatsPassage('You are on the legacy plan and we can help.', [note])).toBe(false);
    expect(repeatsPassage('', [note])).toBe(false);
    expect(repeatsPassage(note, [])).toBe(false);
  });
});

describe('referencedIds', () => {
  it('finds global ids of threads, posts and spaces, and raw UUIDs', () => {
    const thread = Buffer.from('Thread:11111111-2222-4333-8444-555555555555').toString('base64url');
    const space = Buffer.from('Space:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee').toString('base64url');
    const found = referencedIds(`see https://kern.example/threads/${thread} and /spaces/${space}, or 99999999-8888-4777-8666-555555555555`);
    expect(found.threadIds).toEqual(['11111111-2222-4333-8444-555555555555']);
    expect(found.spaceIds).toEqual(['aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee']);
    expect(found.unknownIds).toEqual(['99999999-8888-4777-8666-555555555555']);
  });

  it('finds nothing in ordinary text', () => {
    expect(referencedIds('Just a normal reply with a https://example.com/link.')).toEqual({ threadIds: [], spaceIds: [], unknownIds: [] });
  });
});

describe('referencedSpaceSlugs', () => {
  it('reads space slugs from links', () => {
    expect(referencedSpaceSlugs('ask in https://kern.example/spaces/Backoffice/threads or /spaces/tax-team')).toEqual(['backoffice', 'tax-team']);
  });
});
