import { spaces } from '@kern/contracts';
import { Envelope, Handles, type Request } from '@kern/messaging';
import { Controller } from '@nestjs/common';
import { JoinSpaceUseCase } from './join-space.use-case';
import { ListMembersUseCase } from './list-members.use-case';
import { ManageMembersUseCase } from './manage-members.use-case';

@Controller()
export class MembershipsController {
  constructor(
    private readonly joining: JoinSpaceUseCase,
    private readonly members: ManageMembersUseCase,
    private readonly listMembers: ListMembersUseCase,
  ) {}

  @Handles(spaces.join)
  join(@Envelope(spaces.join) request: Request<typeof spaces.join>) {
    return this.joining.join(request.payload, request.principal);
  }

  @Handles(spaces.leave)
  async leave(@Envelope(spaces.leave) request: Request<typeof spaces.leave>) {
    return { left: await this.joining.leave(request.payload, request.principal) };
  }

  @Handles(spaces.approveMember)
  approve(@Envelope(spaces.approveMember) request: Request<typeof spaces.approveMember>) {
    return this.members.approve(request.payload, request.principal);
  }

  @Handles(spaces.inviteMember)
  invite(@Envelope(spaces.inviteMember) request: Request<typeof spaces.inviteMember>) {
    return this.members.invite(request.payload, request.principal);
  }

  @Handles(spaces.setMemberRole)
  setRole(@Envelope(spaces.setMemberRole) request: Request<typeof spaces.setMemberRole>) {
    return this.members.setRole(request.payload, request.principal);
  }

  @Handles(spaces.removeMember)
  async remove(@Envelope(spaces.removeMember) request: Request<typeof spaces.removeMember>) {
    return { removed: await this.members.remove(request.payload, request.principal) };
  }

  @Handles(spaces.banMember)
  async ban(@Envelope(spaces.banMember) request: Request<typeof spaces.banMember>) {
    return { banned: await this.members.ban(request.payload, request.principal) };
  }

  @Handles(spaces.unbanMember)
  async unban(@Envelope(spaces.unbanMember) request: Request<typeof spaces.unbanMember>) {
    return { unbanned: await this.members.unban(request.payload, request.principal) };
  }

  @Handles(spaces.memberIds)
  async memberIds(@Envelope(spaces.memberIds) request: Request<typeof spaces.memberIds>) {
    return { userIds: await this.listMembers.ids(request.payload.spaceId, request.principal) };
  }

  @Handles(spaces.listMembers)
  list(@Envelope(spaces.listMembers) request: Request<typeof spaces.listMembers>) {
    return this.listMembers.execute(request.payload, request.principal);
  }
}
