import { healthRpc } from './health';

export const threads = {
  health: healthRpc('threads'),
} as const;
