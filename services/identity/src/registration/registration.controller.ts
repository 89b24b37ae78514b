import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { RegisterUserUseCase } from './register-user.use-case';

@Controller()
export class RegistrationController {
  constructor(private readonly registerUser: RegisterUserUseCase) {}

  @Handles(identity.register)
  register(@Envelope(identity.register) request: Request<typeof identity.register>) {
    return this.registerUser.execute(request.payload);
  }
}
