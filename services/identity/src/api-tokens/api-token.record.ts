import type { ApiScope } from '@kern/contracts';

/** An API token as the repository returns it; the secret itself is never stored, only its hash. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** What authenticating with a token needs: whose it is and what it may do. */
export interface ActiveApiToken {
  id: string;
  userId: string;
  scopes: ApiScope[];
  lastUsedAt: Date | null;
}
