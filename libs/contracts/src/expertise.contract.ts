import { z } from 'zod';
import { durableEvent } from './event';
import { healthRpc } from './health';
import { rpc } from './rpc';
import { visibleText } from './visible-text';

export const TopicSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters and digits separated by single hyphens')
  .max(64, 'must be at most 64 characters');

export interface TopicReply {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
}

export const SkillLevel = z.enum(['LEARNING', 'PRACTITIONER', 'EXPERT']);
export type SkillLevel = z.infer<typeof SkillLevel>;

export interface SkillReply {
  userId: string;
  topicId: string;
  level: SkillLevel;
  endorsementCount: number;
  evidenceScore: number;
}

export interface ProfileReply {
  userId: string;
  headline: string | null;
  bio: string | null;
  /** An employee who chose to be visible to customers as an expert. */
  ambassador: boolean;
  openToQuestions: boolean;
  /** Declared, endorsed or earned; evidence as the viewer may see it. */
  skills: SkillReply[];
}

export interface ExpertReply {
  userId: string;
  score: number;
  /** The topics that made them an expert here (the asked topic, or the ones a question matched). */
  topicIds: string[];
  acceptedAnswers: number;
}

/** How much a user's skills point at a topic; sub-topics of a skill count at a lower weight. */
export interface TopicAffinity {
  topicId: string;
  weight: number;
}

export const expertise = {
  health: healthRpc('expertise'),
  listTopics: rpc<{ topics: TopicReply[] }>()('expertise.topic.list', z.object({}).strict()),
  getTopics: rpc<{ topics: TopicReply[] }>()(
    'expertise.topic.get-many',
    z.object({ ids: z.array(z.uuid()).max(100) }).strict(),
  ),
  /** Unknown slugs are left out; the caller decides whether that is an error. */
  findTopicsBySlug: rpc<{ topics: TopicReply[] }>()(
    'expertise.topic.find-by-slug',
    z.object({ slugs: z.array(TopicSlug).max(100) }).strict(),
  ),
  /**
   * The ids of these slugs, in their order, for a service that stores topics by id (a space's, a
   * thread's). An unknown slug is BAD_USER_INPUT naming the field `topics` and listing the unknown.
   */
  resolveTopics: rpc<{ topicIds: string[] }>()(
    'expertise.topic.resolve',
    z.object({ slugs: z.array(TopicSlug).min(1).max(100) }).strict(),
  ),
  /** A topic and all its sub-topics, at any depth. NOT_FOUND for an unknown slug. */
  topicSubtree: rpc<{ topics: TopicReply[] }>()('expertise.topic.subtree', z.object({ slug: TopicSlug }).strict()),
  createTopic: rpc<TopicReply>()(
    'expertise.topic.create',
    z.object({
      slug: TopicSlug,
      name: visibleText({ min: 1, max: 100 }),
      parentSlug: TopicSlug.nullish(),
    }),
  ),
  declareSkill: rpc<SkillReply>()(
    'expertise.skill.declare',
    z.object({ topic: TopicSlug, level: SkillLevel }).strict(),
  ),
  removeSkill: rpc<{ removed: boolean }>()('expertise.skill.remove', z.object({ topic: TopicSlug }).strict()),
  /** NOT_FOUND when the principal may not see this profile (a customer and a non-ambassador employee). */
  getProfile: rpc<ProfileReply>()('expertise.profile.get', z.object({ userId: z.uuid() }).strict()),
  updateProfile: rpc<ProfileReply>()(
    'expertise.profile.update',
    z
      .object({
        headline: visibleText({ max: 120 }).nullish(),
        bio: visibleText({ max: 2000 }).nullish(),
        ambassador: z.boolean().optional(),
        openToQuestions: z.boolean().optional(),
      })
      .strict(),
  ),
  endorse: rpc<SkillReply>()('expertise.skill.endorse', z.object({ userId: z.uuid(), topic: TopicSlug }).strict()),
  withdrawEndorsement: rpc<SkillReply>()(
    'expertise.skill.withdraw-endorsement',
    z.object({ userId: z.uuid(), topic: TopicSlug }).strict(),
  ),
  /**
   * People who know about a topic (sub-topics included), or about what a free-text question asks
   * (matched to topics and to their recent answers), best first, among those the principal may see.
   */
  findExperts: rpc<{ experts: ExpertReply[] }>()(
    'expertise.expert.find',
    z.union([
      z.object({ topic: TopicSlug, first: z.number().int().min(1).max(50) }).strict(),
      z
        .object({
          question: visibleText({ min: 3, max: 300, message: 'must be 3-300 characters' }),
          first: z.number().int().min(1).max(50),
        })
        .strict(),
    ]),
  ),
  /** Words that mean a topic (in English or Dutch), so questions find it: for platform admins and community managers. */
  addTopicSynonym: rpc<{ synonyms: string[] }>()(
    'expertise.topic.add-synonym',
    z
      .object({
        topic: TopicSlug,
        synonym: z
          .string()
          .trim()
          .toLowerCase()
          .min(2, 'must be at least 2 characters')
          .max(60, 'must be at most 60 characters'),
      })
      .strict(),
  ),
  topicSynonyms: rpc<{ synonyms: Array<{ topicId: string; synonyms: string[] }> }>()(
    'expertise.topic.synonyms',
    z.object({ ids: z.array(z.uuid()).max(100) }).strict(),
  ),
  /** How many employees are ambassadors now: for platform admins and community managers. */
  countAmbassadors: rpc<{ ambassadors: number }>()('expertise.profile.count-ambassadors', z.object({}).strict()),
  /** Of these topics, those nobody has declared, earned or been endorsed for. */
  topicsWithoutExperts: rpc<{ topicIds: string[] }>()(
    'expertise.topic.without-experts',
    z.object({ ids: z.array(z.uuid()).max(1000) }).strict(),
  ),
  /** The principal's own affinities (declared skills, and earned ones), for recommending spaces and questions. */
  topicAffinity: rpc<{ topics: TopicAffinity[] }>()('expertise.skill.affinity', z.object({}).strict()),
} as const;

export const expertiseEvents = {
  /** An unanswered question was brought to these experts' attention. */
  questionRouted: durableEvent(
    'expertise.question.routed',
    1,
    z.object({ threadId: z.uuid(), spaceId: z.uuid(), postId: z.uuid(), expertIds: z.array(z.uuid()).max(10) }),
  ),
} as const;
