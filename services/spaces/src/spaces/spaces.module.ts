import { forwardRef, Module } from '@nestjs/common';
import { MembershipsModule } from '../memberships/memberships.module';
import { ArchiveSpaceUseCase } from './archive-space.use-case';
import { CreateSpaceUseCase } from './create-space.use-case';
import { GetSpaceUseCase } from './get-space.use-case';
import { GetSpacesUseCase } from './get-spaces.use-case';
import { ListSpacesUseCase } from './list-spaces.use-case';
import { RecommendSpacesUseCase } from './recommend-spaces.use-case';
import { SpacesController } from './spaces.controller';
import { SpacesRepository } from './spaces.repository';
import { TopicDirectory } from './topic-directory';
import { UpdateSpaceUseCase } from './update-space.use-case';

/**
 * Spaces: the directory, and what owners and staff do to a space. Spaces and memberships need each
 * other (a space is created with its owner and turns internal only without customer members; a
 * membership is of a space its member can see), hence the forward references.
 */
@Module({
  imports: [forwardRef(() => MembershipsModule)],
  controllers: [SpacesController],
  providers: [
    SpacesRepository,
    TopicDirectory,
    CreateSpaceUseCase,
    UpdateSpaceUseCase,
    ArchiveSpaceUseCase,
    GetSpaceUseCase,
    GetSpacesUseCase,
    ListSpacesUseCase,
    RecommendSpacesUseCase,
  ],
  exports: [SpacesRepository],
})
export class SpacesModule {}
