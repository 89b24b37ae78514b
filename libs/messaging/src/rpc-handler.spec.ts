import { identity } from '@kern/contracts';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { Controller } from '@nestjs/common';
import { Envelope, Handles, type Request } from './rpc-handler';

@Controller()
class Probe {
  @Handles(identity.login)
  login(@Envelope(identity.login) request: Request<typeof identity.login>) {
    return request;
  }
}

function envelopePipe() {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'login') as Record<
    string,
    { pipes: Array<{ transform(v: unknown): unknown }> }
  >;
  return Object.values(args)[0].pipes[0];
}

describe('Envelope', () => {
  it('parses the payload with the subject schema (e-mail lower-cased)', () => {
    const parsed = envelopePipe().transform({
      principal: { kind: 'ANONYMOUS' },
      payload: { email: ' Ann@X.com ', password: 'secret' },
    });
    expect(parsed).toEqual({ principal: { kind: 'ANONYMOUS' }, payload: { email: 'ann@x.com', password: 'secret' } });
  });

  it('refuses a request without a valid principal as BAD_USER_INPUT', () => {
    expect(() => envelopePipe().transform({ payload: { email: 'a@b.c', password: 'x' } })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() =>
      envelopePipe().transform({
        principal: {
          kind: 'EMPLOYEE',
          userId: 'not-a-uuid',
          roles: [],
          scopes: [],
          emailVerified: true,
          credential: 'ACCESS_TOKEN',
        },
        payload: { email: 'a@b.c', password: 'x' },
      }),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('names each bad field in the details', () => {
    try {
      envelopePipe().transform({ principal: { kind: 'ANONYMOUS' }, payload: { email: 'a@b.c' } });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [{ field: 'password' }] } });
    }
  });
});
