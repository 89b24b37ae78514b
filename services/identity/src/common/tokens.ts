import { createHash, randomBytes } from 'node:crypto';

/** A secret shown once: a recognisable prefix (for secret scanners) and 256 random bits. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as SHA-256 hashes: they are random, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
