import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { RefreshSessionUseCase } from './refresh-session.use-case';

@Controller()
export class SessionsController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
  ) {}

  @Handles(identity.login)
  handleLogin(@Envelope(identity.login) request: Request<typeof identity.login>) {
    return this.login.execute(request.payload);
  }

  @Handles(identity.refreshSession)
  handleRefresh(@Envelope(identity.refreshSession) request: Request<typeof identity.refreshSession>) {
    return this.refresh.execute(request.payload);
  }

  @Handles(identity.logout)
  handleLogout(@Envelope(identity.logout) request: Request<typeof identity.logout>) {
    return this.logout.execute(request.payload);
  }
}
