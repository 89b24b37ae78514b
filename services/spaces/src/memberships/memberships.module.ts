import { forwardRef, Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module';
import { AdmitInviteeHandler } from './admit-invitee.handler';
import { ApproveMemberUseCase } from './approve-member.use-case';
import { BanMemberUseCase } from './ban-member.use-case';
import { InviteMemberUseCase } from './invite-member.use-case';
import { JoinSpaceUseCase } from './join-space.use-case';
import { LeaveSpaceUseCase } from './leave-space.use-case';
import { ListMemberIdsUseCase } from './list-member-ids.use-case';
import { ListMembersUseCase } from './list-members.use-case';
import { MemberKinds } from './member-kinds';
import { MembershipsController } from './memberships.controller';
import { MembershipsRepository } from './memberships.repository';
import { ModeratorChecks } from './moderator-checks';
import { RemoveMemberUseCase } from './remove-member.use-case';
import { SetMemberRoleUseCase } from './set-member-role.use-case';
import { UnbanMemberUseCase } from './unban-member.use-case';

/** Memberships, requests and bans: joining and leaving, and what a space's moderators do to its members. */
@Module({
  imports: [forwardRef(() => SpacesModule)],
  controllers: [MembershipsController],
  providers: [
    MembershipsRepository,
    MemberKinds,
    ModeratorChecks,
    JoinSpaceUseCase,
    LeaveSpaceUseCase,
    ApproveMemberUseCase,
    InviteMemberUseCase,
    SetMemberRoleUseCase,
    RemoveMemberUseCase,
    BanMemberUseCase,
    UnbanMemberUseCase,
    ListMembersUseCase,
    ListMemberIdsUseCase,
    AdmitInviteeHandler,
  ],
  exports: [MembershipsRepository, MemberKinds, AdmitInviteeHandler],
})
export class MembershipsModule {}
