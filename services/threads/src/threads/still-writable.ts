import { conflict, forbidden, notFound } from '@kern/messaging';
import type { FoundThread } from '../access/thread-finder';
import type { ThreadsRepository } from './threads.repository';

/**
 * Inside a write's transaction: locks the thread's row and checks that what the use case decided
 * before the transaction (from the space's access, asked over NATS) still holds. A thread moved in
 * the meantime was judged by the wrong space's rules, so the write is refused, to be sent again.
 */
export async function assertStillWritable(threads: ThreadsRepository, { thread, reader }: FoundThread): Promise<void> {
  const now = await assertStillInSpace(threads, thread);
  if (now.locked && !reader.moderator) throw forbidden('This thread is locked');
}

/** The part of `assertStillWritable` for writes a lock does not stop (an author correcting a post). */
export async function assertStillInSpace(
  threads: ThreadsRepository,
  thread: FoundThread['thread'],
): Promise<{ locked: boolean }> {
  const now = await threads.lockForWrite(thread.id);
  if (!now) throw notFound('Thread');
  if (now.spaceId !== thread.spaceId)
    throw conflict('This thread moved to another space while you wrote; send it again', { reason: 'THREAD_MOVED' });
  return now;
}
