import { expertise, type Principal } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';
import { byIdLoader } from '../graphql/by-id.loader';

/** Batches the topic look-ups of one request (e.g. every `parent` in a list) into one call. */
export const createTopicLoader = (client: ServiceClient, principal: Principal) =>
  byIdLoader(async (ids) => (await client.call(expertise.getTopics, { ids }, principal)).topics);

/** Batches the synonyms of every topic in a response into one call. */
export function createTopicSynonymsLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, string[]>(
    async (ids) => {
      const { synonyms } = await client.call(expertise.topicSynonyms, { ids: [...ids] }, principal);
      const byId = new Map(synonyms.map((entry) => [entry.topicId, entry.synonyms]));
      return ids.map((id) => byId.get(id) ?? []);
    },
    { maxBatchSize: 100 },
  );
}
