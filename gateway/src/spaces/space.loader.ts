import { spaces, type Principal } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import { byIdLoader } from '../graphql/by-id.loader';

export const createSpaceLoader = (client: ServiceClient, principal: Principal) =>
  byIdLoader(async (ids) => (await client.call(spaces.getSpaces, { ids }, principal)).spaces);
