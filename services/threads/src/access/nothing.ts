import type { SpaceAccess } from '@kern/contracts';

/**
 * An id nothing has. What does not exist is looked up with it, the way what may not be seen is
 * looked up with its own id, so both take the same steps and a caller cannot tell them apart.
 */
export const NOTHING = '00000000-0000-4000-8000-000000000000';

/** What a principal may do in a space they may not see, or one that does not exist: nothing. */
export const NO_ACCESS: SpaceAccess = {
  spaceId: NOTHING,
  audience: 'INTERNAL',
  purpose: 'SERVICE',
  read: false,
  post: false,
  postDenial: null,
  moderate: false,
};
