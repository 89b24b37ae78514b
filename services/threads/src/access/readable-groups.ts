import type { SpaceAccess } from '@kern/contracts';
import { NOTHING } from './nothing';

/**
 * The ids grouped by the readable space they are in, from where each is (`spaceOf`) and the
 * principal's access; `outside` says whether any id is in no readable space (or there are none).
 */
export function byReadableSpace(
  ids: string[],
  spaceOf: (id: string) => string | undefined,
  access: Map<string, SpaceAccess>,
) {
  const groups = new Map<string, { access: SpaceAccess; ids: string[] }>();
  for (const id of ids) {
    const entry = access.get(spaceOf(id) ?? NOTHING);
    if (!entry?.read) continue;
    const group = groups.get(entry.spaceId) ?? { access: entry, ids: [] };
    group.ids.push(id);
    groups.set(entry.spaceId, group);
  }
  const inside = [...groups.values()].reduce((count, group) => count + group.ids.length, 0);
  return { groups: [...groups.values()], outside: inside < ids.length || ids.length === 0 };
}

/** The spaces to ask about for these ids: a missing one as NOTHING, as if it were in a space nobody sees. */
export const spacesToAsk = (ids: string[], spaceOf: (id: string) => string | undefined): string[] =>
  ids.length === 0 ? [NOTHING] : ids.map((id) => spaceOf(id) ?? NOTHING);
