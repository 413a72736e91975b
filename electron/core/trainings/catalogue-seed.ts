/**
 * Trainings every association starts with. The UI shows them by key in the user's language
 * (`trainings:catalogue.<key>`); the association sets their validity and adds its own.
 *
 * Mental-health first aid (PSSM in France, MHFA elsewhere) starts at 36 months: the international
 * Mental Health First Aid programmes give their first aiders a qualification that expires after
 * three years and ask for a refresher within that time. PSSM France's own rule may differ; the
 * association changes it on the catalogue if its network says otherwise. The others are in-house
 * trainings with no expiry unless the association decides one.
 */
export const SEEDED_TRAININGS: readonly { key: string; validityMonths: number | null }[] = [
  { key: 'mental_health_first_aid', validityMonths: 36 },
  { key: 'active_listening', validityMonths: null },
  { key: 'group_facilitation', validityMonths: null },
  { key: 'role_play', validityMonths: null },
];
