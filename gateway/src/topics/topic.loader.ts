import { expertise, type Principal, type TopicReply } from '@kern/contracts';
import type { ServiceClient } from '@kern/messaging';
import DataLoader from 'dataloader';

/** Batches the topic look-ups of one request (e.g. every `parent` in a list) into one call. */
export function createTopicLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, TopicReply | null>(async (ids) => {
    const { topics } = await client.call(expertise.getTopics, { ids: [...ids] }, principal);
    const byId = new Map(topics.map((topic) => [topic.id, topic]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 100 });
}

/** Batches the synonyms of every topic in a response into one call. */
export function createTopicSynonymsLoader(client: ServiceClient, principal: Principal) {
  return new DataLoader<string, string[]>(async (ids) => {
    const { synonyms } = await client.call(expertise.topicSynonyms, { ids: [...ids] }, principal);
    const byId = new Map(synonyms.map((entry) => [entry.topicId, entry.synonyms]));
    return ids.map((id) => byId.get(id) ?? []);
  }, { maxBatchSize: 100 });
}
