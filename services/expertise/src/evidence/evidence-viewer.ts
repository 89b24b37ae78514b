import { type Principal, spaces } from '@kern/contracts';
import { ServiceClient } from '@kern/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { EvidenceViewer } from './evidence.repository';

/** What a principal may see of anyone's evidence: the spaces they may read, as the spaces service says today. */
@Injectable()
export class EvidenceViewers {
  constructor(@Inject(ServiceClient) private readonly client: ServiceClient) {}

  async of(principal: Principal): Promise<EvidenceViewer> {
    const { spaceIds } = await this.client.call(spaces.readableSpaces, {}, principal);
    return { readableSpaceIds: spaceIds, employee: principal.kind === 'EMPLOYEE' };
  }
}
