import { forbidden } from '@kern/messaging';
import type { Viewer } from '../access/viewer';
import type { SpaceRecord } from './space.record';

/** Active owners of a space, and platform admins and community managers, act as its owners. */
export function actsAsOwner(viewer: Viewer, space: SpaceRecord): boolean {
  return viewer.staff || (space.membership?.role === 'OWNER' && space.membership.status === 'ACTIVE');
}

export function assertOwner(viewer: Viewer, space: SpaceRecord) {
  if (!actsAsOwner(viewer, space)) throw forbidden('Only the owners of a space change it');
}
