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

  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt!: Date | null;

  @Column('text', { name: 'suspended_reason', nullable: true })
  suspendedReason!: string | null;

  /** Access tokens carry it; raising it revokes every access token issued before. */
  @Column('integer', { name: 'token_version' })
  tokenVersion!: number;

  @Column('timestamptz', { name: 'token_version_changed_at', nullable: true })
  tokenVersionChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
