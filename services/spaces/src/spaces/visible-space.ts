import { notFound } from '@kern/messaging';
import type { Viewer } from '../access/viewer';
import type { SpaceRecord } from './space.record';
import type { SpacesRepository } from './spaces.repository';

/** A space the viewer may not see is NOT_FOUND, exactly like one that does not exist. */
export async function visibleSpaceOrNotFound(
  spaces: SpacesRepository,
  viewer: Viewer,
  by: { id: string } | { slug: string },
  lock?: 'FOR UPDATE' | 'FOR SHARE',
): Promise<SpaceRecord> {
  const space = await spaces.findVisible(viewer, by, lock);
  if (!space) throw notFound('Space');
  return space;
}
