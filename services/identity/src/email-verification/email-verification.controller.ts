import { identity } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ConfirmEmailUseCase } from './confirm-email.use-case';
import { ResendVerificationUseCase } from './resend-verification.use-case';

@Controller()
export class EmailVerificationController {
  constructor(
    private readonly confirmEmail: ConfirmEmailUseCase,
    private readonly resendVerification: ResendVerificationUseCase,
  ) {}

  /** Anyone holding the link may use it: the token is the proof. */
  @Handles(identity.verifyEmail)
  confirm(@Envelope(identity.verifyEmail) request: Request<typeof identity.verifyEmail>) {
    return this.confirmEmail.execute(request.payload);
  }

  @Handles(identity.resendVerification)
  resend(@Envelope(identity.resendVerification) request: Request<typeof identity.resendVerification>) {
    return this.resendVerification.execute(request.principal);
  }
}
