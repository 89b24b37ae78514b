import { hasRole, identity } from '@kern/contracts';
import { Envelope, forbidden, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { GetUserUseCase } from './get-user.use-case';
import { RegisterUserUseCase } from './register-user.use-case';
import { UsersRepository } from './users.repository';

@Controller()
export class UsersController {
  constructor(
    private readonly registerUser: RegisterUserUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly users: UsersRepository,
  ) {}

  @Handles(identity.register)
  register(@Envelope(identity.register) request: Request<typeof identity.register>) {
    return this.registerUser.execute(request.payload);
  }

  @Handles(identity.getUser)
  get(@Envelope(identity.getUser) request: Request<typeof identity.getUser>) {
    return this.getUser.execute(request.payload, request.principal);
  }

  @Handles(identity.countUsers)
  count(@Envelope(identity.countUsers) request: Request<typeof identity.countUsers>) {
    if (!hasRole(request.principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers see community numbers');
    return this.users.countByKind();
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
