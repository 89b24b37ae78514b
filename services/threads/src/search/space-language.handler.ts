import { type EventEnvelope, spacesEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { searchLanguage } from './search-language';

/** A space changed language: its threads and posts are stemmed again (the search triggers follow `language`). */
@Injectable()
export class SpaceLanguageChanged implements DurableHandler<typeof spacesEvents.languageChanged> {
  readonly consumer = 'threads-space-language';
  readonly event = spacesEvents.languageChanged;

  async handle(change: z.output<typeof spacesEvents.languageChanged.payload>, _envelope: EventEnvelope, tx: EntityManager): Promise<void> {
    const language = searchLanguage(change.language);
    await tx.query(`UPDATE threads.threads SET language = $2::regconfig WHERE space_id = $1 AND language <> $2::regconfig`, [change.spaceId, language]);
    await tx.query(
      `UPDATE threads.posts p SET language = $2::regconfig FROM threads.threads t WHERE t.id = p.thread_id AND t.space_id = $1 AND p.language <> $2::regconfig`,
      [change.spaceId, language],
    );
  }
}
