import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';

export interface ProfileRecord {
  userId: string;
  headline: string | null;
  bio: string | null;
  ambassador: boolean;
  openToQuestions: boolean;
}

const COLUMNS = `user_id AS "userId", headline, bio, ambassador, open_to_questions AS "openToQuestions"`;

@Injectable()
export class ProfilesRepository {
  constructor(private readonly db: Database) {}

  /** Everyone has a profile; an untouched one is empty. */
  async findMany(userIds: string[]): Promise<Map<string, ProfileRecord>> {
    const rows: ProfileRecord[] = await this.db.query(
      `SELECT ${COLUMNS} FROM expertise.profiles WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const found = new Map(rows.map((row) => [row.userId, row]));
    return new Map(
      userIds.map((id) => [
        id,
        found.get(id) ?? { userId: id, headline: null, bio: null, ambassador: false, openToQuestions: false },
      ]),
    );
  }

  async ambassadorIds(): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM expertise.profiles WHERE ambassador`,
    );
    return rows.map((row) => row.user_id);
  }

  async update(userId: string, changes: Partial<Omit<ProfileRecord, 'userId'>>): Promise<void> {
    await this.db.query(
      `INSERT INTO expertise.profiles (user_id, headline, bio, ambassador, open_to_questions)
       VALUES ($1, $2, $3, coalesce($4, false), coalesce($5, false))
       ON CONFLICT (user_id) DO UPDATE SET
         headline = CASE WHEN $6::boolean THEN EXCLUDED.headline ELSE expertise.profiles.headline END,
         bio = CASE WHEN $7::boolean THEN EXCLUDED.bio ELSE expertise.profiles.bio END,
         ambassador = coalesce($4, expertise.profiles.ambassador),
         open_to_questions = coalesce($5, expertise.profiles.open_to_questions),
         updated_at = now()`,
      [
        userId,
        changes.headline ?? null,
        changes.bio ?? null,
        changes.ambassador ?? null,
        changes.openToQuestions ?? null,
        changes.headline !== undefined,
        changes.bio !== undefined,
      ],
    );
  }
}
