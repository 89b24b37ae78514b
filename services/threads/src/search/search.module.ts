import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchUseCase } from './search.use-case';
import { SpaceLanguageChangedHandler } from './space-language-changed.handler';

/** Full-text search over what the searcher may read, and the stemming that follows a space's language. */
@Module({
  imports: [AccessModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchUseCase, SpaceLanguageChangedHandler],
  exports: [SpaceLanguageChangedHandler],
})
export class SearchModule {}
