import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { SkillsModule } from '../skills/skills.module';
import { TopicsModule } from '../topics/topics.module';
import { CountAmbassadorsUseCase } from './count-ambassadors.use-case';
import { EndorseSkillUseCase } from './endorse-skill.use-case';
import { EndorsementTargets } from './endorsement-targets';
import { GetProfileUseCase } from './get-profile.use-case';
import { People } from './people';
import { ProfilesController } from './profiles.controller';
import { ProfilesRepository } from './profiles.repository';
import { UpdateProfileUseCase } from './update-profile.use-case';
import { WithdrawEndorsementUseCase } from './withdraw-endorsement.use-case';

/**
 * Profiles, and who may see whom (`People`, `mayView`). Endorsements are made here: vouching for
 * someone's skill starts from their profile and its visibility rule.
 */
@Module({
  imports: [TopicsModule, EvidenceModule, SkillsModule],
  controllers: [ProfilesController],
  providers: [
    ProfilesRepository,
    People,
    EndorsementTargets,
    GetProfileUseCase,
    UpdateProfileUseCase,
    CountAmbassadorsUseCase,
    EndorseSkillUseCase,
    WithdrawEndorsementUseCase,
  ],
  exports: [People],
})
export class ProfilesModule {}
