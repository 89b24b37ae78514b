import { spaces } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { CreateSpaceUseCase } from './create-space.use-case';
import { FindSpacesUseCase } from './find-spaces.use-case';
import { UpdateSpaceUseCase } from './update-space.use-case';

@Controller()
export class SpacesController {
  constructor(
    private readonly createSpace: CreateSpaceUseCase,
    private readonly updateSpace: UpdateSpaceUseCase,
    private readonly find: FindSpacesUseCase,
  ) {}

  @Handles(spaces.createSpace)
  create(@Envelope(spaces.createSpace) request: Request<typeof spaces.createSpace>) {
    return this.createSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.updateSpace)
  update(@Envelope(spaces.updateSpace) request: Request<typeof spaces.updateSpace>) {
    return this.updateSpace.update(request.payload, request.principal);
  }

  @Handles(spaces.archiveSpace)
  archive(@Envelope(spaces.archiveSpace) request: Request<typeof spaces.archiveSpace>) {
    return this.updateSpace.archive(request.payload, request.principal);
  }

  @Handles(spaces.getSpace)
  get(@Envelope(spaces.getSpace) request: Request<typeof spaces.getSpace>) {
    return this.find.get(request.payload, request.principal);
  }

  @Handles(spaces.getSpaces)
  async getMany(@Envelope(spaces.getSpaces) request: Request<typeof spaces.getSpaces>) {
    return { spaces: await this.find.getMany(request.payload.ids, request.principal) };
  }

  @Handles(spaces.recommendSpaces)
  async recommend(@Envelope(spaces.recommendSpaces) request: Request<typeof spaces.recommendSpaces>) {
    return { spaces: await this.find.recommend(request.payload.first, request.principal) };
  }

  @Handles(spaces.listSpaces)
  list(@Envelope(spaces.listSpaces) request: Request<typeof spaces.listSpaces>) {
    return this.find.list(request.payload, request.principal);
  }
}
