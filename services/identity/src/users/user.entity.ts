import type { MemberKind, PlatformRole } from '@kern/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users', schema: 'identity' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  handle!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  kind!: MemberKind;

  @Column('text', { array: true })
  roles!: PlatformRole[];

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
