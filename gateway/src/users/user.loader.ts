import { identity, type Principal } from '@kern/contracts';
import { notFound, type ServiceClient } from '@kern/messaging';
import { byIdLoader } from '../graphql/by-id.loader';
import type { Loaders } from '../graphql/loaders';
import { UserModel } from './user.model';

export const createUserLoader = (client: ServiceClient, principal: Principal) =>
  byIdLoader(async (ids) => (await client.call(identity.getUsers, { ids }, principal)).users);

/** A user every field that names one (author, member, expert) must be able to show. */
export async function loadUser(loaders: Loaders, id: string): Promise<UserModel> {
  const user = await loaders.users.load(id);
  if (!user) throw notFound('User');
  return UserModel.from(user);
}
