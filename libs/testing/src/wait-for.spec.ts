import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('answers the first value the check gives', async () => {
    let calls = 0;
    await expect(waitFor(() => ++calls >= 3 && calls, { intervalMs: 1 })).resolves.toBe(3);
  });

  it('when the check keeps failing, then the timeout says with what', async () => {
    const failing = waitFor(
      () => {
        throw new Error('no row yet');
      },
      { timeoutMs: 0, intervalMs: 1, what: 'the row' },
    );
    await expect(failing).rejects.toThrow('waiting for the row: Error: no row yet');
  });

  it('when the check throws something other than an Error, then the timeout shows what it threw', async () => {
    const failing = waitFor(
      () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is the case under test
        throw { code: 'NOT_FOUND' };
      },
      { timeoutMs: 0, intervalMs: 1, what: 'the row' },
    );
    await expect(failing).rejects.toThrow("waiting for the row: { code: 'NOT_FOUND' }");
  });
});
