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
