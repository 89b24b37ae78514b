import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module';
import { AccessController } from './access.controller';
import { CheckAccessUseCase } from './check-access.use-case';
import { ListReadableSpacesUseCase } from './list-readable-spaces.use-case';
import { ListReadersUseCase } from './list-readers.use-case';

/** The boundary questions the other services ask: who may read, post in and moderate which space. */
@Module({
  imports: [SpacesModule],
  controllers: [AccessController],
  providers: [CheckAccessUseCase, ListReadersUseCase, ListReadableSpacesUseCase],
})
export class AccessModule {}
