import { spaces } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { CheckAccessUseCase } from './check-access.use-case';
import { ListReadableSpacesUseCase } from './list-readable-spaces.use-case';
import { ListReadersUseCase } from './list-readers.use-case';

/** What the other services ask about the boundary. */
@Controller()
export class AccessController {
  constructor(
    private readonly checkAccess: CheckAccessUseCase,
    private readonly listReaders: ListReadersUseCase,
    private readonly listReadableSpaces: ListReadableSpacesUseCase,
  ) {}

  @Handles(spaces.checkAccess)
  check(@Envelope(spaces.checkAccess) request: Request<typeof spaces.checkAccess>) {
    return this.checkAccess.execute(request.payload, request.principal);
  }

  @Handles(spaces.readers)
  readers(@Envelope(spaces.readers) request: Request<typeof spaces.readers>) {
    return this.listReaders.execute(request.payload);
  }

  @Handles(spaces.readableSpaces)
  readable(@Envelope(spaces.readableSpaces) request: Request<typeof spaces.readableSpaces>) {
    return this.listReadableSpaces.execute(request.principal);
  }
}
