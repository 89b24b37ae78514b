import type { SpaceLanguage } from '@kern/contracts';

/** The PostgreSQL text search configuration that stems a space's language. */
const CONFIGURATIONS: Record<SpaceLanguage, string> = { en: 'english', nl: 'dutch' };

export const searchLanguage = (language: SpaceLanguage): string => CONFIGURATIONS[language];
