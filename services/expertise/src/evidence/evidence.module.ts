import { Module } from '@nestjs/common';
import { EvidenceViewers } from './evidence-viewer';
import { evidenceHandlers } from './evidence.handlers';
import { EvidenceRepository } from './evidence.repository';

/** What people did in threads, learnt from the threads service's durable events, and who may see it. */
@Module({
  providers: [EvidenceRepository, EvidenceViewers, ...evidenceHandlers],
  exports: [EvidenceRepository, EvidenceViewers, ...evidenceHandlers],
})
export class EvidenceModule {}
