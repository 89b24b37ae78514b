import { spaces } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { ApproveMemberUseCase } from './approve-member.use-case';
import { BanMemberUseCase } from './ban-member.use-case';
import { InviteMemberUseCase } from './invite-member.use-case';
import { JoinSpaceUseCase } from './join-space.use-case';
import { LeaveSpaceUseCase } from './leave-space.use-case';
import { ListMemberIdsUseCase } from './list-member-ids.use-case';
import { ListMembersUseCase } from './list-members.use-case';
import { RemoveMemberUseCase } from './remove-member.use-case';
import { SetMemberRoleUseCase } from './set-member-role.use-case';
import { UnbanMemberUseCase } from './unban-member.use-case';

@Controller()
export class MembershipsController {
  constructor(
    private readonly joinSpace: JoinSpaceUseCase,
    private readonly leaveSpace: LeaveSpaceUseCase,
    private readonly approveMember: ApproveMemberUseCase,
    private readonly inviteMember: InviteMemberUseCase,
    private readonly setMemberRole: SetMemberRoleUseCase,
    private readonly removeMember: RemoveMemberUseCase,
    private readonly banMember: BanMemberUseCase,
    private readonly unbanMember: UnbanMemberUseCase,
    private readonly listMemberIds: ListMemberIdsUseCase,
    private readonly listMembers: ListMembersUseCase,
  ) {}

  @Handles(spaces.join)
  join(@Envelope(spaces.join) request: Request<typeof spaces.join>) {
    return this.joinSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.leave)
  leave(@Envelope(spaces.leave) request: Request<typeof spaces.leave>) {
    return this.leaveSpace.execute(request.payload, request.principal);
  }

  @Handles(spaces.approveMember)
  approve(@Envelope(spaces.approveMember) request: Request<typeof spaces.approveMember>) {
    return this.approveMember.execute(request.payload, request.principal);
  }

  @Handles(spaces.inviteMember)
  invite(@Envelope(spaces.inviteMember) request: Request<typeof spaces.inviteMember>) {
    return this.inviteMember.execute(request.payload, request.principal);
  }

  @Handles(spaces.setMemberRole)
  setRole(@Envelope(spaces.setMemberRole) request: Request<typeof spaces.setMemberRole>) {
    return this.setMemberRole.execute(request.payload, request.principal);
  }

  @Handles(spaces.removeMember)
  remove(@Envelope(spaces.removeMember) request: Request<typeof spaces.removeMember>) {
    return this.removeMember.execute(request.payload, request.principal);
  }

  @Handles(spaces.banMember)
  ban(@Envelope(spaces.banMember) request: Request<typeof spaces.banMember>) {
    return this.banMember.execute(request.payload, request.principal);
  }

  @Handles(spaces.unbanMember)
  unban(@Envelope(spaces.unbanMember) request: Request<typeof spaces.unbanMember>) {
    return this.unbanMember.execute(request.payload, request.principal);
  }

  @Handles(spaces.memberIds)
  memberIds(@Envelope(spaces.memberIds) request: Request<typeof spaces.memberIds>) {
    return this.listMemberIds.execute(request.payload, request.principal);
  }

  @Handles(spaces.listMembers)
  list(@Envelope(spaces.listMembers) request: Request<typeof spaces.listMembers>) {
    return this.listMembers.execute(request.payload, request.principal);
  }
}
