import type { ApiTokenReply } from '@kern/contracts';
import type { ApiTokenRecord } from './api-token.record';

export function toApiTokenReply(token: ApiTokenRecord): ApiTokenReply {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
