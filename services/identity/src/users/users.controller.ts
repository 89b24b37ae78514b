import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { GetUserUseCase } from './get-user.use-case';
import { RegisterUserUseCase } from './register-user.use-case';

@Controller()
export class UsersController {
  constructor(
    private readonly registerUser: RegisterUserUseCase,
    private readonly getUser: GetUserUseCase,
  ) {}

  @Handles(identity.register)
  register(@Envelope(identity.register) request: Request<typeof identity.register>) {
    return this.registerUser.execute(request.payload);
  }

  @Handles(identity.getUser)
  get(@Envelope(identity.getUser) request: Request<typeof identity.getUser>) {
    return this.getUser.execute(request.payload, request.principal);
  }

  @Handles(identity.getStandings)
  async standings(@Envelope(identity.getStandings) request: Request<typeof identity.getStandings>) {
    return { users: await this.getUser.standings(request.payload.ids) };
  }

  @Handles(identity.getUsers)
  async getMany(@Envelope(identity.getUsers) request: Request<typeof identity.getUsers>) {
    return { users: await this.getUser.many(request.payload.ids, request.principal) };
  }
}
