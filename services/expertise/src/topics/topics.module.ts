import { Module } from '@nestjs/common';
import { AddTopicSynonymUseCase } from './add-topic-synonym.use-case';
import { CreateTopicUseCase } from './create-topic.use-case';
import { FindTopicsBySlugUseCase } from './find-topics-by-slug.use-case';
import { GetTopicSubtreeUseCase } from './get-topic-subtree.use-case';
import { GetTopicsUseCase } from './get-topics.use-case';
import { KnownTopics } from './known-topics';
import { ListTopicSynonymsUseCase } from './list-topic-synonyms.use-case';
import { ListTopicsUseCase } from './list-topics.use-case';
import { ResolveTopicsUseCase } from './resolve-topics.use-case';
import { TopicsController } from './topics.controller';
import { TopicsRepository } from './topics.repository';

/** The taxonomy: topics, their sub-topics and synonyms. */
@Module({
  controllers: [TopicsController],
  providers: [
    TopicsRepository,
    KnownTopics,
    ListTopicsUseCase,
    GetTopicsUseCase,
    FindTopicsBySlugUseCase,
    ResolveTopicsUseCase,
    GetTopicSubtreeUseCase,
    CreateTopicUseCase,
    AddTopicSynonymUseCase,
    ListTopicSynonymsUseCase,
  ],
  exports: [TopicsRepository, KnownTopics],
})
export class TopicsModule {}
