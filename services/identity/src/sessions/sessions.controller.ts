import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { LoginUseCase } from './login.use-case';

@Controller()
export class SessionsController {
  constructor(private readonly login: LoginUseCase) {}

  @Handles(identity.login)
  handleLogin(@Envelope(identity.login) request: Request<typeof identity.login>) {
    return this.login.execute(request.payload);
  }
}
