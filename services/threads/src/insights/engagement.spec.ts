import { countRings, ringOf, share } from './engagement';

describe('rings', () => {
  it.each([
    [0, 'OBSERVER'],
    [1, 'PERIPHERAL'],
    [2, 'PERIPHERAL'],
    [3, 'ACTIVE'],
    [9, 'ACTIVE'],
    [10, 'CORE'],
    [250, 'CORE'],
  ])('%i posts in 30 days make %s', (posts, ring) => {
    expect(ringOf(posts)).toBe(ring);
  });

  it('are counted, with every ring present', () => {
    expect(countRings(['CORE', 'OBSERVER', 'OBSERVER'])).toEqual({ CORE: 1, ACTIVE: 0, PERIPHERAL: 0, OBSERVER: 2 });
  });

  it('shares are 0 of nothing', () => {
    expect(share(0, 0)).toBe(0);
    expect(share(1, 4)).toBe(0.25);
  });
});
