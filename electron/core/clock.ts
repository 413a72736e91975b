/** Instants are ISO-8601 UTC text (DESIGN §3). */
export const nowIso = () => new Date().toISOString();
export const todayIso = () => nowIso().slice(0, 10);
/** The machine's IANA time zone (events are planned in it unless told otherwise). */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
