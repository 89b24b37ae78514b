import { eventTablesMigration, outboxClaimsMigration } from '@kern/events';
import type { MigrationInterface } from 'typeorm';
import { CreateThreads1764460800000 } from './1764460800000-create-threads';
import { SearchDocuments1764547200000 } from './1764547200000-search-documents';
import { ThreadLinks1764633600000 } from './1764633600000-thread-links';
import { Moderation1764720000000 } from './1764720000000-moderation';
import { Follows1764806400000 } from './1764806400000-follows';
import { Notifications1764892800000 } from './1764892800000-notifications';
import { DeletedPostsIndex1765238400000 } from './1765238400000-deleted-posts-index';
import { PostingPolicy1765584000000 } from './1765584000000-posting-policy';
import { EditSpaces1765670400000 } from './1765670400000-edit-spaces';
import { InternalNotesIndex1765756800000 } from './1765756800000-internal-notes-index';

/** In the order they run; a landed migration is never edited, only followed by a new one. */
export const migrations: Array<new () => MigrationInterface> = [
  CreateThreads1764460800000,
  eventTablesMigration('threads', 1764460800001),
  SearchDocuments1764547200000,
  ThreadLinks1764633600000,
  Moderation1764720000000,
  Follows1764806400000,
  Notifications1764892800000,
  DeletedPostsIndex1765238400000,
  outboxClaimsMigration('threads', 1765497600000),
  PostingPolicy1765584000000,
  EditSpaces1765670400000,
  InternalNotesIndex1765756800000,
];
