import { Module } from '@nestjs/common';
import { ExpertsModule } from '../experts/experts.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { TopicsModule } from '../topics/topics.module';
import { QuestionRouter } from './question-router';
import { AnsweredQuestions, QuestionsToRoute } from './question-routing.handlers';
import { RouteQuestionUseCase } from './route-question.use-case';
import { RoutingRepository } from './routing.repository';

/** Questions nobody answered in time, brought to experts; scheduled in the database. */
@Module({
  imports: [TopicsModule, ProfilesModule, ExpertsModule],
  providers: [RoutingRepository, RouteQuestionUseCase, QuestionRouter, QuestionsToRoute, AnsweredQuestions],
  exports: [QuestionsToRoute, AnsweredQuestions],
})
export class RoutingModule {}
