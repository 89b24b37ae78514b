import { conflict } from '@kern/messaging';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { QueryFailedError, Repository } from 'typeorm';
import { UserEntity } from './user.entity';
import type { NewUser, UserRecord } from './user.record';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Inserts a user; a taken e-mail or handle (in any letter case) is a CONFLICT naming the field. */
  async insert(user: NewUser): Promise<UserRecord> {
    try {
      const saved = await this.users.save(this.users.create({ ...user, id: randomUUID() }));
      return { ...saved };
    } catch (error) {
      const constraint = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
      if (constraint?.code === UNIQUE_VIOLATION && constraint.constraint === 'users_email_key') {
        throw conflict('An account with this e-mail address already exists', { field: 'email' });
      }
      if (constraint?.code === UNIQUE_VIOLATION && constraint.constraint === 'users_handle_key') {
        throw conflict('This handle is taken', { field: 'handle' });
      }
      throw error;
    }
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findByHandle(handle: string): Promise<UserRecord | null> {
    return this.users.createQueryBuilder('u').where('lower(u.handle) = lower(:handle)', { handle }).getOne();
  }

  async anyWithRole(role: string): Promise<boolean> {
    return (await this.users.createQueryBuilder('u').where(':role = ANY(u.roles)', { role }).getCount()) > 0;
  }
}
