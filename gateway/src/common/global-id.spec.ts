import { fromGlobalId, toGlobalId } from './global-id';

const uuid = '0fe0fcca-5fda-4152-8de2-939558087755';

describe('global ids', () => {
  it('round-trips a type and a service id', () => {
    expect(fromGlobalId(toGlobalId('Topic', uuid))).toEqual({ type: 'Topic', id: uuid });
  });

  it.each([
    ['a plain uuid', uuid],
    ['garbage', '%%%'],
    ['an unknown type', Buffer.from(`Secret:${uuid}`).toString('base64url')],
    ['a non-uuid id', Buffer.from(`User:1' OR 1=1`).toString('base64url')],
    ['an empty string', ''],
  ])('is null for %s', (_name, value) => {
    expect(fromGlobalId(value)).toBeNull();
  });
});
