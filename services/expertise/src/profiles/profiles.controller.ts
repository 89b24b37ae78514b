import { expertise } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { FindExpertsUseCase } from '../experts/find-experts.use-case';
import { EndorseUseCase } from '../skills/endorse.use-case';
import { ProfilesUseCase } from './profiles.use-case';

@Controller()
export class ProfilesController {
  constructor(
    private readonly profiles: ProfilesUseCase,
    private readonly endorsing: EndorseUseCase,
    private readonly experts: FindExpertsUseCase,
  ) {}

  @Handles(expertise.getProfile)
  get(@Envelope(expertise.getProfile) request: Request<typeof expertise.getProfile>) {
    return this.profiles.get(request.payload.userId, request.principal);
  }

  @Handles(expertise.updateProfile)
  update(@Envelope(expertise.updateProfile) request: Request<typeof expertise.updateProfile>) {
    return this.profiles.update(request.payload, request.principal);
  }

  @Handles(expertise.countAmbassadors)
  async countAmbassadors(@Envelope(expertise.countAmbassadors) request: Request<typeof expertise.countAmbassadors>) {
    return { ambassadors: await this.profiles.countAmbassadors(request.principal) };
  }

  @Handles(expertise.endorse)
  endorse(@Envelope(expertise.endorse) request: Request<typeof expertise.endorse>) {
    return this.endorsing.execute(request.payload, false, request.principal);
  }

  @Handles(expertise.withdrawEndorsement)
  withdraw(@Envelope(expertise.withdrawEndorsement) request: Request<typeof expertise.withdrawEndorsement>) {
    return this.endorsing.execute(request.payload, true, request.principal);
  }

  @Handles(expertise.findExperts)
  async find(@Envelope(expertise.findExperts) request: Request<typeof expertise.findExperts>) {
    const query = request.payload;
    return {
      experts:
        'question' in query
          ? await this.experts.byQuestion(query, request.principal)
          : await this.experts.byTopic(query, request.principal),
    };
  }
}
