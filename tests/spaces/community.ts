import { KernStack, waitForMail, type GraphQLClient } from '@kern/testing';
import { login, register, tokenInLink } from '../identity/operations';

const ADMIN = { email: 'root@kern-corp.test', password: 'admin password 1' };
const INVITE = `mutation($email: String!, $kind: MemberKind!) { createInvitation(input: { email: $email, kind: $kind }) { token } }`;
const GRANT = `mutation($id: ID!) { grantRole(userId: $id, role: COMMUNITY_MANAGER) { roles } }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { emailVerified } }`;
const CREATE_TOPIC = `mutation($slug: String!, $parent: String) { createTopic(input: { slug: $slug, name: $slug, parentSlug: $parent }) { id slug } }`;

export const SPACE_FIELDS = `id slug name audience joinPolicy purpose guidelines memberCount archived viewerCanPost viewerCanModerate
  topics { slug } viewerMembership { role status guidelinesAcceptedAt }`;
export const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { ${SPACE_FIELDS} } }`;
export const SPACE_BY_ID = `query($id: ID!) { space(id: $id) { ${SPACE_FIELDS} } }`;
export const SPACE_BY_SLUG = `query($slug: String!) { space(slug: $slug) { ${SPACE_FIELDS} } }`;
export const NODE = `query($id: ID!) { node(id: $id) { id ... on Space { slug } } }`;
export const DIRECTORY = `query($topic: String, $audience: Audience, $first: Int, $after: String) {
  spaces(topic: $topic, audience: $audience, first: $first, after: $after) { edges { cursor node { slug audience } } pageInfo { hasNextPage endCursor } }
}`;
export const JOIN = `mutation($spaceId: ID!, $accept: Boolean) { joinSpace(spaceId: $spaceId, acceptGuidelines: $accept) { role status guidelinesAcceptedAt user { handle } space { slug } } }`;
export const LEAVE = `mutation($spaceId: ID!) { leaveSpace(spaceId: $spaceId) }`;
export const APPROVE = `mutation($spaceId: ID!, $userId: ID!) { approveMember(spaceId: $spaceId, userId: $userId) { role status } }`;
export const INVITE_MEMBER = `mutation($spaceId: ID!, $userId: ID!) { inviteMember(spaceId: $spaceId, userId: $userId) { role status } }`;
export const SET_ROLE = `mutation($spaceId: ID!, $userId: ID!, $role: SpaceRole!) { setMemberRole(spaceId: $spaceId, userId: $userId, role: $role) { role status } }`;
export const REMOVE = `mutation($spaceId: ID!, $userId: ID!) { removeMember(spaceId: $spaceId, userId: $userId) }`;
export const BAN = `mutation($spaceId: ID!, $userId: ID!) { banMember(spaceId: $spaceId, userId: $userId, reason: "spam") }`;
export const UNBAN = `mutation($spaceId: ID!, $userId: ID!) { unbanMember(spaceId: $spaceId, userId: $userId) }`;
export const UPDATE_SPACE = `mutation($input: UpdateSpaceInput!) { updateSpace(input: $input) { ${SPACE_FIELDS} } }`;
export const ARCHIVE = `mutation($spaceId: ID!, $archived: Boolean) { archiveSpace(spaceId: $spaceId, archived: $archived) { archived viewerCanPost } }`;
export const MEMBERS = `query($id: ID!, $status: MembershipStatus) { space(id: $id) { members(status: $status) { edges { node { role status user { handle } } } } } }`;

export interface Person {
  id: string;
  handle: string;
  client: GraphQLClient;
}

/** A running stack with an admin, and ways to make the people and topics a test needs. */
export class Community {
  private constructor(
    readonly stack: KernStack,
    readonly anonymous: GraphQLClient,
    readonly admin: Person,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<Community> {
    const stack = await KernStack.start({
      env: {
        KERN_ADMIN_EMAIL: ADMIN.email,
        KERN_ADMIN_PASSWORD: ADMIN.password,
        KERN_EMPLOYEE_DOMAINS: 'kern-corp.test',
        ...env,
      },
    });
    const session = await login(stack.graphql, ADMIN.email, ADMIN.password);
    return new Community(stack, stack.graphql, {
      id: session.user.id,
      handle: session.user.handle,
      client: stack.graphql.withToken(session.accessToken),
    });
  }

  stop() {
    return this.stack.stop();
  }

  /** An employee by invitation; a community manager when asked. */
  async employee(handle: string, options: { manager?: boolean } = {}): Promise<Person> {
    const email = `${handle}@kern-corp.test`;
    const { createInvitation } = await this.admin.client.ok(INVITE, { email, kind: 'EMPLOYEE' });
    const session = await register(this.anonymous, handle, email, { invitationToken: createInvitation.token });
    if (options.manager) await this.admin.client.ok(GRANT, { id: session.user.id });
    return this.signIn(session.user.id, handle, email);
  }

  /** A customer who registered and (unless told otherwise) confirmed their address. */
  async customer(handle: string, options: { verified?: boolean } = {}): Promise<Person> {
    const email = `${handle}@customer.test`;
    const session = await register(this.anonymous, handle, email);
    if (options.verified === false)
      return { id: session.user.id, handle, client: this.anonymous.withToken(session.accessToken) };
    const mail = await waitForMail(this.stack.outboxDir, (message) => message.to === email);
    await this.anonymous.ok(VERIFY, { token: tokenInLink(mail.text, 'token') });
    return this.signIn(session.user.id, handle, email);
  }

  async topic(slug: string, parent?: string): Promise<string> {
    return (await this.admin.client.ok(CREATE_TOPIC, { slug, parent: parent ?? null })).createTopic.slug;
  }

  async space(owner: Person, input: Record<string, unknown>) {
    const defaults = { name: input.slug, description: '', topics: [] as string[] };
    return (await owner.client.ok(CREATE_SPACE, { input: { ...defaults, ...input } })).createSpace;
  }

  private async signIn(id: string, handle: string, email: string): Promise<Person> {
    const session = await login(this.anonymous, email);
    return { id, handle, client: this.anonymous.withToken(session.accessToken) };
  }
}
