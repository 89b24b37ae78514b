import { notFound } from '@kern/messaging';

/**
 * Ids are opaque to clients and name their type, so `node(id)` knows which service to ask without
 * asking them all. Services keep plain UUIDs; only the gateway encodes and decodes.
 */
export type NodeType = 'User' | 'Topic' | 'Space' | 'Thread' | 'Post' | 'Notification' | 'Invitation' | 'ApiToken';
const NODE_TYPES: readonly NodeType[] = [
  'User',
  'Topic',
  'Space',
  'Thread',
  'Post',
  'Notification',
  'Invitation',
  'ApiToken',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and service id inside a global id, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator) as NodeType;
  const id = decoded.slice(separator + 1);
  return separator > 0 && NODE_TYPES.includes(type) && UUID.test(id) ? { type, id } : null;
}

/** The service id of an id argument that must name a `type`; anything else is NOT_FOUND, like an id that does not exist. */
export function idOf(type: NodeType, globalId: string): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw notFound(type.replace(/([a-z])([A-Z])/g, '$1 $2'));
  return decoded.id;
}
