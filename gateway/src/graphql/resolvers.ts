import { AdminResolver } from '../admin/admin.resolver';
import { ApiTokensResolver } from '../api-tokens/api-tokens.resolver';
import { InvitationsResolver } from '../invitations/invitations.resolver';
import { AnswerableResolver } from '../expertise/answerable.resolver';
import {
  ExpertiseResolver,
  ExpertResolver,
  TopicExpertiseResolver,
  UserProfileResolver,
} from '../expertise/expertise.resolver';
import { InsightsResolver, MembershipRingResolver } from '../insights/insights.resolver';
import { LiveResolver } from '../live/live.resolver';
import { ModerationResolver } from '../moderation/moderation.resolver';
import { NodeResolver } from '../nodes/node.resolver';
import { NotificationsResolver } from '../notifications/notifications.resolver';
import { SkillsResolver } from '../skills/skills.resolver';
import { PostsResolver } from '../threads/posts.resolver';
import { SearchResolver } from '../threads/search.resolver';
import { SpaceThreadsResolver, ThreadsResolver } from '../threads/threads.resolver';
import { MembershipsResolver } from '../spaces/memberships.resolver';
import { SpacesResolver } from '../spaces/spaces.resolver';
import { TopicsResolver } from '../topics/topics.resolver';
import { EmailVerificationResolver } from '../users/email-verification.resolver';
import { SessionsResolver } from '../users/sessions.resolver';
import { UsersResolver } from '../users/users.resolver';

/** Every resolver of the public API: the app serves them and `npm run schema` prints their schema. */
export const resolvers = [
  NodeResolver,
  UsersResolver,
  SessionsResolver,
  EmailVerificationResolver,
  InvitationsResolver,
  ApiTokensResolver,
  AdminResolver,
  TopicsResolver,
  SpacesResolver,
  MembershipsResolver,
  SkillsResolver,
  ThreadsResolver,
  SpaceThreadsResolver,
  PostsResolver,
  SearchResolver,
  ModerationResolver,
  NotificationsResolver,
  LiveResolver,
  ExpertiseResolver,
  ExpertResolver,
  UserProfileResolver,
  TopicExpertiseResolver,
  AnswerableResolver,
  InsightsResolver,
  MembershipRingResolver,
];
