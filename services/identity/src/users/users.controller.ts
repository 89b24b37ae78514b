import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { CountUsersUseCase } from './count-users.use-case';
import { GetUserStandingsUseCase } from './get-user-standings.use-case';
import { GetUserUseCase } from './get-user.use-case';
import { GetUsersUseCase } from './get-users.use-case';

@Controller()
export class UsersController {
  constructor(
    private readonly getUser: GetUserUseCase,
    private readonly getUsers: GetUsersUseCase,
    private readonly getUserStandings: GetUserStandingsUseCase,
    private readonly countUsers: CountUsersUseCase,
  ) {}

  @Handles(identity.getUser)
  get(@Envelope(identity.getUser) request: Request<typeof identity.getUser>) {
    return this.getUser.execute(request.payload, request.principal);
  }

  @Handles(identity.getUsers)
  getMany(@Envelope(identity.getUsers) request: Request<typeof identity.getUsers>) {
    return this.getUsers.execute(request.payload, request.principal);
  }

  @Handles(identity.getStandings)
  standings(@Envelope(identity.getStandings) request: Request<typeof identity.getStandings>) {
    return this.getUserStandings.execute(request.payload);
  }

  @Handles(identity.countUsers)
  count(@Envelope(identity.countUsers) request: Request<typeof identity.countUsers>) {
    return this.countUsers.execute(request.principal);
  }
}
