import { hasRole, spaces, TOKEN_PREFIX, type InvitationReply, type MemberKind, type Principal } from '@kern/contracts';
import { assertCanWrite, badInput, forbidden, notFound, ServiceClient, serviceUnavailable } from '@kern/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { hashToken, newToken } from '../common/tokens';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { Mailer } from '../mail/mailer';
import { InvitationsRepository } from './invitations.repository';

/** The one way besides a verified company address to become an EMPLOYEE: being invited by an admin or community manager. */
@Injectable()
export class CreateInvitationUseCase {
  private readonly logger = new Logger(CreateInvitationUseCase.name);

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly invitations: InvitationsRepository,
    private readonly audit: AuditLogRepository,
    private readonly mailer: Mailer,
    @Inject(ServiceClient) private readonly client: ServiceClient,
  ) {}

  async execute(
    input: { email: string; kind: MemberKind; spaceIds: string[] },
    principal: Principal,
  ): Promise<InvitationReply> {
    assertCanWrite(principal);
    if (!hasRole(principal, 'ADMIN', 'COMMUNITY_MANAGER'))
      throw forbidden('Only platform admins and community managers invite people');
    await this.assertSpacesFit(input.spaceIds, input.kind, principal);
    const token = newToken(TOKEN_PREFIX.invitation);
    const invitation = {
      id: randomUUID(),
      email: input.email,
      kind: input.kind,
      spaceIds: [...new Set(input.spaceIds)],
      expiresAt: new Date(Date.now() + this.config.INVITATION_TTL_DAYS * 86_400_000),
    };
    await this.invitations.insert({ ...invitation, tokenHash: hashToken(token), invitedBy: principal.userId });
    await this.mail(invitation, token);
    await this.audit.record({
      action: 'INVITATION_CREATED',
      actorId: principal.userId,
      details: { invitationId: invitation.id, email: input.email, kind: input.kind },
    });
    return {
      id: invitation.id,
      email: invitation.email,
      kind: invitation.kind,
      token,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Stored first, so the link works the moment it arrives; a mail that cannot be sent takes the
   * invitation back out, since nobody would ever see its token (it is stored only as a hash).
   */
  private async mail(invitation: { id: string; email: string; expiresAt: Date }, token: string) {
    try {
      await this.mailer.send({
        to: invitation.email,
        subject: 'You are invited to Kern',
        text: `You have been invited to join Kern.\n\nCreate your account here (valid until ${invitation.expiresAt.toISOString()}):\n${this.config.KERN_PUBLIC_URL}/register?invitation=${token}\n`,
      });
    } catch (error) {
      await this.invitations.delete(invitation.id);
      this.logger.error({
        msg: 'could not send an invitation; nothing was stored',
        invitationId: invitation.id,
        error: String(error),
      });
      throw serviceUnavailable(
        'The invitation e-mail could not be sent, so nothing was stored; try again later',
        'MAIL_UNAVAILABLE',
      );
    }
  }

  /** The spaces must exist for the inviter, and a customer can only be invited into external ones. */
  private async assertSpacesFit(spaceIds: string[], kind: MemberKind, principal: Principal) {
    if (spaceIds.length === 0) return;
    const { spaces: found } = await this.client.call(spaces.getSpaces, { ids: [...new Set(spaceIds)] }, principal);
    if (found.length < new Set(spaceIds).size) throw notFound('Space');
    if (kind === 'CUSTOMER' && found.some((space) => space.audience === 'INTERNAL')) {
      throw badInput('Customers cannot be invited into internal spaces', { field: 'spaceIds' });
    }
  }
}
