import { MediumService } from '@kern/testing';
import { migrations } from '../database/migrations';
import { AuditLogRepository } from './audit-log.repository';

describe('AuditLogRepository on real PostgreSQL', () => {
  let medium: MediumService;
  let audit: AuditLogRepository;

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'identity', migrations, providers: [AuditLogRepository] });
    audit = medium.get(AuditLogRepository);
  });
  afterAll(() => medium?.stop());

  it('pages newest first by id, past the tenth event too (ids compare as numbers, not text)', async () => {
    for (let n = 1; n <= 12; n += 1) {
      await audit.record({ action: 'LOGIN_FAILED', clientAddress: '10.0.0.1', details: { n } });
    }
    const first = await audit.list(5);
    expect(first.hasNextPage).toBe(true);
    expect(first.events.map((event) => event.details.n)).toEqual([12, 11, 10, 9, 8]);
    expect(first.events[0]).toMatchObject({ action: 'LOGIN_FAILED', actorId: null, clientAddress: '10.0.0.1' });
    expect(first.events[0].at).toBeInstanceOf(Date);

    const rest = await audit.list(10, Number(first.events[4].id));
    expect(rest.hasNextPage).toBe(false);
    expect(rest.events.map((event) => event.details.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });
});
