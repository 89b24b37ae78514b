import { spaces } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ArchiveSpaceUseCase } from './archive-space.use-case';
import { CreateSpaceUseCase } from './create-space.use-case';
import { GetSpaceUseCase } from './get-space.use-case';
import { GetSpacesUseCase } from './get-spaces.use-case';
import { ListSpacesUseCase } from './list-spaces.use-case';
import { RecommendSpacesUseCase } from './recommend-spaces.use-case';
import { UpdateSpaceUseCase } from './update-space.use-case';

@Controller()
export class SpacesController {
  constructor(
    private readonly createSpace: CreateSpaceUseCase,
    private readonly updateSpace: UpdateSpaceUseCase,
    private readonly archiveSpace: ArchiveSpaceUseCase,
    private readonly getSpace: GetSpaceUseCase,
    private readonly getSpaces: GetSpacesUseCase,
    private readonly listSpaces: ListSpacesUseCase,
    private readonly recommendSpaces: RecommendSpacesUseCase,
  ) {}

  @Handles(spaces.createSpace)
  create(@Envelope(spaces.createSpace) request: Request<typeof spaces.createSpace>) {
    return this.createSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.updateSpace)
  update(@Envelope(spaces.updateSpace) request: Request<typeof spaces.updateSpace>) {
    return this.updateSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.archiveSpace)
  archive(@Envelope(spaces.archiveSpace) request: Request<typeof spaces.archiveSpace>) {
    return this.archiveSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.getSpace)
  get(@Envelope(spaces.getSpace) request: Request<typeof spaces.getSpace>) {
    return this.getSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.getSpaces)
  getMany(@Envelope(spaces.getSpaces) request: Request<typeof spaces.getSpaces>) {
    return this.getSpaces.execute(request.payload, request.principal);
  }

  @Handles(spaces.recommendSpaces)
  recommend(@Envelope(spaces.recommendSpaces) request: Request<typeof spaces.recommendSpaces>) {
    return this.recommendSpaces.execute(request.payload, request.principal);
  }

  @Handles(spaces.listSpaces)
  list(@Envelope(spaces.listSpaces) request: Request<typeof spaces.listSpaces>) {
    return this.listSpaces.execute(request.payload, request.principal);
  }
}
