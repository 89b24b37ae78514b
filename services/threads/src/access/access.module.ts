import { Module } from '@nestjs/common';
import { PostsRepository } from '../posts/posts.repository';
import { ThreadsRepository } from '../threads/threads.repository';
import { SpaceAccessClient } from './space-access.client';
import { ThreadFinder } from './thread-finder';

/**
 * Threads and posts as a reader may see them: the spaces service's answers (`SpaceAccessClient`),
 * the finder every use case starts from, and the repositories of the threads and posts tables,
 * whose queries take the reader as a parameter. Every aggregate reads those two tables, so they are
 * provided here, beneath all aggregate modules, rather than by ThreadsModule and PostsModule
 * (which would then have to import each other and everything that imports them).
 */
@Module({
  providers: [SpaceAccessClient, ThreadFinder, ThreadsRepository, PostsRepository],
  exports: [SpaceAccessClient, ThreadFinder, ThreadsRepository, PostsRepository],
})
export class AccessModule {}
