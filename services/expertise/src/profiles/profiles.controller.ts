import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { CountAmbassadorsUseCase } from './count-ambassadors.use-case';
import { EndorseSkillUseCase } from './endorse-skill.use-case';
import { GetProfileUseCase } from './get-profile.use-case';
import { UpdateProfileUseCase } from './update-profile.use-case';
import { WithdrawEndorsementUseCase } from './withdraw-endorsement.use-case';

/** Profiles, and endorsements of the skills on them. */
@Controller()
export class ProfilesController {
  constructor(
    private readonly getProfile: GetProfileUseCase,
    private readonly updateProfile: UpdateProfileUseCase,
    private readonly countAmbassadors: CountAmbassadorsUseCase,
    private readonly endorseSkill: EndorseSkillUseCase,
    private readonly withdrawEndorsement: WithdrawEndorsementUseCase,
  ) {}

  @Handles(expertise.getProfile)
  get(@Envelope(expertise.getProfile) request: Request<typeof expertise.getProfile>) {
    return this.getProfile.execute(request.payload.userId, request.principal);
  }

  @Handles(expertise.updateProfile)
  update(@Envelope(expertise.updateProfile) request: Request<typeof expertise.updateProfile>) {
    return this.updateProfile.execute(request.payload, request.principal);
  }

  @Handles(expertise.countAmbassadors)
  async ambassadors(@Envelope(expertise.countAmbassadors) request: Request<typeof expertise.countAmbassadors>) {
    return { ambassadors: await this.countAmbassadors.execute(request.principal) };
  }

  @Handles(expertise.endorse)
  endorse(@Envelope(expertise.endorse) request: Request<typeof expertise.endorse>) {
    return this.endorseSkill.execute(request.payload, request.principal);
  }

  @Handles(expertise.withdrawEndorsement)
  withdraw(@Envelope(expertise.withdrawEndorsement) request: Request<typeof expertise.withdrawEndorsement>) {
    return this.withdrawEndorsement.execute(request.payload, request.principal);
  }
}
