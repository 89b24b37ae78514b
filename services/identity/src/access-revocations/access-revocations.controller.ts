import { identity } from '@kern/contracts';
import { Handles } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ListAccessRevocationsUseCase } from './list-access-revocations.use-case';

@Controller()
export class AccessRevocationsController {
  constructor(private readonly listAccessRevocations: ListAccessRevocationsUseCase) {}

  @Handles(identity.listAccessRevocations)
  list() {
    return this.listAccessRevocations.execute();
  }
}
