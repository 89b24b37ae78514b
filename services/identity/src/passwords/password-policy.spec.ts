import { assertAcceptablePassword } from './password-policy';

describe('assertAcceptablePassword', () => {
  it.each(['1234567890', 'qwertyuiop', 'Password123', 'basketball'])('refuses the common password %s', (password) => {
    expect(() => assertAcceptablePassword(password)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('accepts a long, uncommon passphrase without any composition rule', () => {
    expect(() => assertAcceptablePassword('correct horse battery staple')).not.toThrow();
  });
});
