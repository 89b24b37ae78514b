import type { Audience, JoinPolicy, MembershipStatus, SpaceLanguage, SpacePurpose, SpaceRole } from '@kern/contracts';
import { Database } from '@kern/database';
import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { readableBy, VISIBLE_TO_VIEWER, viewerParameters, visibleTo, type Viewer } from '../access/viewer';
import type { SpaceRecord } from './space.record';

const UNIQUE_VIOLATION = '23505';

const MEMBER_COUNT = `(SELECT count(*)::int FROM spaces.memberships c WHERE c.space_id = s.id AND c.status = 'ACTIVE')`;
/** Visible spaces with the viewer's standing; `memberCount` false skips counting members where nobody reads it. */
const selectVisible = (memberCount = true) => `
  SELECT s.id, s.slug, s.name, s.description, s.audience, s.join_policy, s.purpose, s.language, s.guidelines, s.archived_at, s.created_at,
    ARRAY(SELECT st.topic_id FROM spaces.space_topics st WHERE st.space_id = s.id ORDER BY st.position) AS topic_ids,
    ${memberCount ? MEMBER_COUNT : '0'} AS member_count,
    m.role, m.status, m.joined_at, m.guidelines_accepted_at,
    EXISTS (SELECT 1 FROM spaces.bans b WHERE b.space_id = s.id AND b.user_id = $1::uuid) AS banned
  FROM spaces.spaces s
  LEFT JOIN spaces.memberships m ON m.space_id = s.id AND m.user_id = $1::uuid
  WHERE ${VISIBLE_TO_VIEWER}`;

/** What `selectVisible` answers, before it becomes a record. */
interface SpaceRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: Audience;
  join_policy: JoinPolicy;
  purpose: SpacePurpose;
  language: SpaceLanguage;
  guidelines: string | null;
  archived_at: Date | null;
  created_at: Date;
  topic_ids: string[];
  member_count: number;
  role: SpaceRole | null;
  status: MembershipStatus | null;
  joined_at: Date | null;
  guidelines_accepted_at: Date | null;
  banned: boolean;
}

function toSpaceRecord(row: SpaceRow): SpaceRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    audience: row.audience,
    joinPolicy: row.join_policy,
    purpose: row.purpose,
    language: row.language,
    guidelines: row.guidelines,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    topicIds: row.topic_ids,
    memberCount: row.member_count,
    // The left join finds all of these or none.
    membership:
      row.role && row.status && row.joined_at
        ? {
            role: row.role,
            status: row.status,
            joinedAt: row.joined_at,
            guidelinesAcceptedAt: row.guidelines_accepted_at,
          }
        : null,
    banned: row.banned,
  };
}

export interface NewSpace {
  id: string;
  slug: string;
  name: string;
  description: string;
  audience: Audience;
  joinPolicy: JoinPolicy;
  purpose: SpacePurpose;
  language: SpaceLanguage;
  guidelines: string | null;
  topicIds: string[];
  createdBy: string;
}

export type SpaceChanges = Partial<
  Pick<
    NewSpace,
    'name' | 'description' | 'audience' | 'joinPolicy' | 'purpose' | 'language' | 'guidelines' | 'topicIds'
  >
>;

export interface DirectoryQuery {
  topicIds?: string[];
  audience?: Audience;
  mine?: boolean;
  first: number;
  afterSlug?: string;
}

/** Every read takes the viewer and finds only what the viewer may see (`VISIBLE_TO_VIEWER`). */
@Injectable()
export class SpacesRepository {
  constructor(private readonly db: Database) {}

  async findVisible(
    viewer: Viewer,
    by: { id: string } | { slug: string },
    lock?: 'FOR UPDATE' | 'FOR SHARE',
  ): Promise<SpaceRecord | null> {
    const condition = 'id' in by ? 's.id = $4::uuid' : 's.slug = $4';
    // Locks the space row only: concurrent joins (FOR SHARE) wait for an audience change (FOR UPDATE).
    const locking = lock ? `${lock} OF s` : '';
    const rows: SpaceRow[] = await this.db.query(`${selectVisible()} AND ${condition} ${locking}`, [
      ...viewerParameters(viewer),
      'id' in by ? by.id : by.slug,
    ]);
    return rows[0] ? toSpaceRecord(rows[0]) : null;
  }

  async findManyVisible(viewer: Viewer, ids: string[], memberCount = true): Promise<SpaceRecord[]> {
    const rows: SpaceRow[] = await this.db.query(`${selectVisible(memberCount)} AND s.id = ANY($4::uuid[])`, [
      ...viewerParameters(viewer),
      ids,
    ]);
    return rows.map(toSpaceRecord);
  }

  /** Every space the viewer sees, for questions across spaces; member counts are not needed there. */
  async allVisible(viewer: Viewer): Promise<SpaceRecord[]> {
    const rows: SpaceRow[] = await this.db.query(selectVisible(false), viewerParameters(viewer));
    return rows.map(toSpaceRecord);
  }

  /** The directory, by slug; archived spaces only among the viewer's own. */
  async directory(viewer: Viewer, query: DirectoryQuery): Promise<SpaceRecord[]> {
    const parameters = viewerParameters(viewer);
    const conditions: string[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (query.topicIds)
      add(
        (p) =>
          `EXISTS (SELECT 1 FROM spaces.space_topics st WHERE st.space_id = s.id AND st.topic_id = ANY(${p}::uuid[]))`,
        query.topicIds,
      );
    if (query.audience) add((p) => `s.audience = ${p}`, query.audience);
    if (query.afterSlug !== undefined) add((p) => `s.slug > ${p}`, query.afterSlug);
    conditions.push(query.mine ? 'm.user_id IS NOT NULL' : 's.archived_at IS NULL');
    parameters.push(query.first + 1);
    const rows: SpaceRow[] = await this.db.query(
      `${selectVisible()} AND ${conditions.join(' AND ')} ORDER BY s.slug LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toSpaceRecord);
  }

  /** Which of these users may read the space's content now: one query however many there are. */
  async readers(spaceId: string, users: Array<{ userId: string; kind: string; staff: boolean }>): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT u.user_id FROM unnest($2::uuid[], $3::text[], $4::boolean[]) AS u(user_id, kind, staff)
       JOIN spaces.spaces s ON s.id = $1
       LEFT JOIN spaces.memberships m ON m.space_id = s.id AND m.user_id = u.user_id
       WHERE ${visibleTo('u.kind', 'u.staff')} AND ${readableBy('u.staff')}`,
      [spaceId, users.map((user) => user.userId), users.map((user) => user.kind), users.map((user) => user.staff)],
    );
    return rows.map((row) => row.user_id);
  }

  /**
   * Spaces the viewer could join (not in them, not banned, not archived, not by invitation), ranked
   * by how much their topics weigh in `affinity`, then by size.
   */
  async joinable(
    viewer: Viewer,
    affinity: Array<{ topicId: string; weight: number }>,
    first: number,
  ): Promise<SpaceRecord[]> {
    const rows: SpaceRow[] = await this.db.query(
      `SELECT * FROM (${selectVisible()}
         AND m.user_id IS NULL AND s.archived_at IS NULL AND s.join_policy <> 'INVITE'
         AND NOT EXISTS (SELECT 1 FROM spaces.bans b WHERE b.space_id = s.id AND b.user_id = $1::uuid)) candidate,
       LATERAL (
         SELECT coalesce(sum(a.weight), 0) AS score
         FROM spaces.space_topics st JOIN unnest($4::uuid[], $5::float8[]) AS a(topic_id, weight) ON a.topic_id = st.topic_id
         WHERE st.space_id = candidate.id
       ) match
       ORDER BY match.score DESC, candidate.member_count DESC, candidate.slug
       LIMIT $6`,
      [
        ...viewerParameters(viewer),
        affinity.map((entry) => entry.topicId),
        affinity.map((entry) => entry.weight),
        first,
      ],
    );
    return rows.map(toSpaceRecord);
  }

  async insert(space: NewSpace): Promise<void> {
    try {
      await this.db.query(
        `INSERT INTO spaces.spaces (id, slug, name, description, audience, join_policy, purpose, language, guidelines, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          space.id,
          space.slug,
          space.name,
          space.description,
          space.audience,
          space.joinPolicy,
          space.purpose,
          space.language,
          space.guidelines,
          space.createdBy,
        ],
      );
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw conflict(`A space with the slug "${space.slug}" already exists`, { field: 'slug' });
      }
      throw error;
    }
    await this.setTopics(space.id, space.topicIds);
  }

  async update(id: string, changes: SpaceChanges): Promise<void> {
    const columns: Record<string, unknown> = {
      name: changes.name,
      description: changes.description,
      audience: changes.audience,
      join_policy: changes.joinPolicy,
      purpose: changes.purpose,
      language: changes.language,
      guidelines: changes.guidelines,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    if (set.length > 0) {
      await this.db.query(
        `UPDATE spaces.spaces SET ${set.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [id, ...set.map(([, value]) => value)],
      );
    }
    if (changes.topicIds) await this.setTopics(id, changes.topicIds);
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db.query(
      `UPDATE spaces.spaces SET archived_at = CASE WHEN $2::boolean THEN coalesce(archived_at, now()) END, updated_at = now() WHERE id = $1`,
      [id, archived],
    );
  }

  private async setTopics(spaceId: string, topicIds: string[]): Promise<void> {
    await this.db.query(`DELETE FROM spaces.space_topics WHERE space_id = $1`, [spaceId]);
    await this.db.query(
      `INSERT INTO spaces.space_topics (space_id, topic_id, position) SELECT $1, topic_id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS t(topic_id, position)`,
      [spaceId, topicIds],
    );
  }
}
