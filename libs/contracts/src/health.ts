import { z } from 'zod';
import { rpc } from './rpc';

export interface HealthReply {
  service: string;
  /** Which replica answered (host and process id). */
  instance: string;
  status: 'ok' | 'degraded';
  database: { reachable: boolean; pendingMigrations: number | null };
  uptimeSeconds: number;
}

const HealthRequest = z.object({}).strict();

export const healthRpc = <S extends string>(service: S) => rpc<HealthReply>()(`${service}.health`, HealthRequest);
export type HealthRpc = ReturnType<typeof healthRpc<string>>;
