import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ChangeRoleUseCase } from './change-role.use-case';
import { SetSuspensionUseCase } from './set-suspension.use-case';
import { SetUserKindUseCase } from './set-user-kind.use-case';

@Controller()
export class AdminUsersController {
  constructor(
    private readonly setUserKind: SetUserKindUseCase,
    private readonly changeRole: ChangeRoleUseCase,
    private readonly setSuspension: SetSuspensionUseCase,
  ) {}

  @Handles(identity.setUserKind)
  setKind(@Envelope(identity.setUserKind) request: Request<typeof identity.setUserKind>) {
    return this.setUserKind.execute(request.payload, request.principal);
  }

  @Handles(identity.grantRole)
  grant(@Envelope(identity.grantRole) request: Request<typeof identity.grantRole>) {
    return this.changeRole.execute('grant', request.payload, request.principal);
  }

  @Handles(identity.revokeRole)
  revoke(@Envelope(identity.revokeRole) request: Request<typeof identity.revokeRole>) {
    return this.changeRole.execute('revoke', request.payload, request.principal);
  }

  @Handles(identity.suspendUser)
  suspend(@Envelope(identity.suspendUser) request: Request<typeof identity.suspendUser>) {
    return this.setSuspension.execute({ ...request.payload, suspend: true }, request.principal);
  }

  @Handles(identity.unsuspendUser)
  unsuspend(@Envelope(identity.unsuspendUser) request: Request<typeof identity.unsuspendUser>) {
    return this.setSuspension.execute({ ...request.payload, suspend: false }, request.principal);
  }
}
