import type { MigrationInterface } from 'typeorm';

/** In the order they run; a landed migration is never edited, only followed by a new one. */
export const migrations: Array<new () => MigrationInterface> = [];
