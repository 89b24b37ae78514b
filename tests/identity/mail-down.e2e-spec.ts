import { freePort, KernStack, queryDatabase, type GraphQLClient } from '@kern/testing';
import { login, register } from './operations';

const ADMIN = { email: 'root@kern-corp.test', password: 'admin password 1' };
const INVITE = `mutation($email: String!) { createInvitation(input: { email: $email, kind: EMPLOYEE }) { token } }`;

// SMTP_URL points at a port nothing listens on: the mail server is down.
let stack: KernStack;
let admin: GraphQLClient;

beforeAll(async () => {
  stack = await KernStack.start({
    without: ['spaces', 'threads', 'expertise'],
    env: {
      KERN_ADMIN_EMAIL: ADMIN.email,
      KERN_ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    },
  });
  admin = stack.graphql.withToken((await login(stack.graphql, ADMIN.email, ADMIN.password)).accessToken);
});
afterAll(() => stack?.stop());

describe('with the mail server down', () => {
  it('createInvitation stores nothing and says so: SERVICE_UNAVAILABLE, reason MAIL_UNAVAILABLE', async () => {
    const response = await admin.request(INVITE, { email: 'ivy@partner.example' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'MAIL_UNAVAILABLE' });
    expect(response.errors?.[0].message).toMatch(/nothing was stored/i);
    expect(await queryDatabase(stack.database.url, `SELECT id FROM identity.invitations`)).toEqual([]);
  });

  it('a registration still succeeds (the link can be sent again later)', async () => {
    const session = await register(stack.graphql, 'patient');
    expect(session.user).toMatchObject({ handle: 'patient', emailVerified: false });
  });
});
