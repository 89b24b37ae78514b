import { waitForMail, type GraphQLClient } from '@kern/testing';

/** The identity operations the tests use, written once. */
export const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken expiresAt user { id handle kind email emailVerified roles } }
}`;
export const LOGIN = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken refreshToken user { id handle kind roles } }
}`;
export const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken user { kind roles } } }`;
export const ME = `{ me { id handle kind email emailVerified roles } }`;

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: {
    id: string;
    handle: string;
    kind: string;
    email: string | null;
    emailVerified: boolean | null;
    roles: string[];
  };
}

export async function register(
  client: GraphQLClient,
  handle: string,
  email = `${handle}@example.com`,
  extra: Record<string, unknown> = {},
): Promise<Session> {
  return (await client.ok(REGISTER, { input: { email, password: PASSWORD, displayName: handle, handle, ...extra } }))
    .register;
}

export async function login(client: GraphQLClient, email: string, password = PASSWORD): Promise<Session> {
  return (await client.ok(LOGIN, { email, password })).login;
}

/** The token inside a link such as `.../verify-email?token=kern_ev_...`. */
export function tokenInLink(text: string, parameter: string): string {
  const match = new RegExp(`[?&]${parameter}=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${parameter} link in:\n${text}`);
  return match[1];
}

export const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { handle kind emailVerified } }`;

/** A self-registered account whose address is confirmed through the link in the outbox: one that may sign in with its password. */
export async function registerVerified(
  client: GraphQLClient,
  outboxDir: string,
  handle: string,
  email = `${handle}@example.com`,
): Promise<Session> {
  const session = await register(client, handle, email);
  const mail = await waitForMail(
    outboxDir,
    (message) => message.to === email && message.text.includes('verify-email?token='),
  );
  await client.ok(VERIFY, { token: tokenInLink(mail.text, 'token') });
  return session;
}
