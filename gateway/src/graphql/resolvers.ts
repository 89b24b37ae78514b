import { NodeResolver } from '../nodes/node.resolver';
import { TopicsResolver } from '../topics/topics.resolver';
import { SessionsResolver } from '../users/sessions.resolver';
import { UsersResolver } from '../users/users.resolver';

/** Every resolver of the public API: the app serves them and `npm run schema` prints their schema. */
export const resolvers = [NodeResolver, UsersResolver, SessionsResolver, TopicsResolver];
