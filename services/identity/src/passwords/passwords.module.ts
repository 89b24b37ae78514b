import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';

/** One hashing queue per process: every sign-in, registration and bootstrap shares it. */
@Module({ providers: [PasswordHasher], exports: [PasswordHasher] })
export class PasswordsModule {}
