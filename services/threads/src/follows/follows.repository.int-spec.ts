import { MediumService } from '@kern/testing';
import { randomUUID } from 'node:crypto';
import { migrations } from '../database/migrations';
import { FollowsRepository } from './follows.repository';

describe('FollowsRepository on real PostgreSQL', () => {
  let medium: MediumService;
  let follows: FollowsRepository;

  beforeAll(async () => {
    medium = await MediumService.start({ schema: 'threads', migrations, providers: [FollowsRepository] });
    follows = medium.get(FollowsRepository);
  });
  afterAll(() => medium?.stop());

  it('keeps a level chosen for a space, and answers NORMAL-less spaces as absent', async () => {
    const userId = randomUUID();
    const [watched, quiet] = [randomUUID(), randomUUID()];
    await follows.setSpaceLevel(userId, watched, 'WATCHING');
    await follows.setSpaceLevel(userId, watched, 'MUTED');
    expect(await follows.spaceLevels(userId, [watched, quiet])).toEqual(new Map([[watched, 'MUTED']]));
  });
});
