import { threads } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { SearchUseCase } from './search.use-case';

@Controller()
export class SearchController {
  constructor(private readonly searching: SearchUseCase) {}

  @Handles(threads.search)
  search(@Envelope(threads.search) request: Request<typeof threads.search>) {
    return this.searching.execute(request.payload, request.principal);
  }
}
