import { eventTablesMigration, outboxClaimsMigration } from '@kern/events';
import { CreateTopics1764201600000 } from './1764201600000-create-topics';
import { CreateSkills1764374400000 } from './1764374400000-create-skills';
import { Evidence1764892800000 } from './1764892800000-evidence';
import { Profiles1764979200000 } from './1764979200000-profiles';
import { Routing1765065600000 } from './1765065600000-routing';
import { QuestionMatching1765152000000 } from './1765152000000-question-matching';

/** In the order they run; a landed migration is never edited, only followed by a new one. */
export const migrations = [
  CreateTopics1764201600000,
  CreateSkills1764374400000,
  eventTablesMigration('expertise', 1764892800001),
  Evidence1764892800000,
  Profiles1764979200000,
  Routing1765065600000,
  QuestionMatching1765152000000,
  outboxClaimsMigration('expertise', 1765497600000),
];
