import type { SkillCategory } from '../../../shared/api';

/**
 * Skills every association starts with. The UI shows them by key in the user's language
 * (`volunteers:skills.<key>`); the association can rename nothing here but can add its own.
 */
export const SEEDED_SKILLS: readonly { key: string; category: SkillCategory }[] = [
  { key: 'active_listening', category: 'listening' },
  { key: 'mental_health_first_aid', category: 'health' },
  { key: 'first_aid', category: 'health' },
  { key: 'group_facilitation', category: 'facilitation' },
  { key: 'tutoring', category: 'facilitation' },
  { key: 'it_support', category: 'technical' },
  { key: 'graphic_design', category: 'technical' },
  { key: 'accounting', category: 'administration' },
  { key: 'fundraising', category: 'administration' },
  { key: 'communication', category: 'communication' },
  { key: 'social_media', category: 'communication' },
  { key: 'legal_advice', category: 'legal' },
  { key: 'translation', category: 'languages' },
  { key: 'driving', category: 'logistics' },
  { key: 'event_logistics', category: 'logistics' },
  { key: 'cooking', category: 'logistics' },
];
