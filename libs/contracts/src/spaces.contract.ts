import { healthRpc } from './health';

export const spaces = {
  health: healthRpc('spaces'),
} as const;
