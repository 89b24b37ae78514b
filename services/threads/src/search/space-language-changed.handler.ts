import { spacesEvents } from '@kern/contracts';
import type { DurableHandler } from '@kern/events';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { ThreadsRepository } from '../threads/threads.repository';
import { searchLanguage } from './search-language';

/** A space changed language: its threads and posts are stemmed again (the search triggers follow `language`). */
@Injectable()
export class SpaceLanguageChangedHandler implements DurableHandler<typeof spacesEvents.languageChanged> {
  readonly consumer = 'threads-space-language';
  readonly event = spacesEvents.languageChanged;

  constructor(private readonly threads: ThreadsRepository) {}

  async handle(change: z.output<typeof spacesEvents.languageChanged.payload>): Promise<void> {
    await this.threads.setSpaceLanguage(change.spaceId, searchLanguage(change.language));
  }
}
