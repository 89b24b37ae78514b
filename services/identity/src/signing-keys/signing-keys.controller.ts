import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ListSigningKeysUseCase } from './list-signing-keys.use-case';
import { RotateSigningKeyUseCase } from './rotate-signing-key.use-case';

@Controller()
export class SigningKeysController {
  constructor(
    private readonly listSigningKeys: ListSigningKeysUseCase,
    private readonly rotateSigningKey: RotateSigningKeyUseCase,
  ) {}

  @Handles(identity.listSigningKeys)
  list() {
    return this.listSigningKeys.execute();
  }

  @Handles(identity.rotateSigningKey)
  rotate(@Envelope(identity.rotateSigningKey) request: Request<typeof identity.rotateSigningKey>) {
    return this.rotateSigningKey.execute(request.principal);
  }
}
