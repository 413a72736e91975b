import type { Association, CertificateDraftInput, Language, Template } from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import type { Sqlite } from '../db/connection';
import { minutesBy } from '../hours/totals';
import { documentHours } from '../print';
import { prefillWords, fill } from './words';

/**
 * The first draft of a document, from what Relais knows: the roles a person held and the events
 * they facilitated over the period, their hours by category (the one total), their skills, the
 * programmes they worked in, their latest completed training. Everything here is a suggestion
 * the board edits before issuing.
 */

export interface VolunteerFacts {
  id: number;
  firstName: string;
  lastName: string;
  joinedOn: string;
}

export interface Period {
  from: string;
  to: string;
}

const list = (items: readonly string[], lang: Language) => {
  const unique = [...new Set(items.map((s) => s.trim()).filter(Boolean))];
  return new Intl.ListFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'long', type: 'conjunction' }).format(unique);
};

/** Roles held (assignments not marked absent) and events facilitated, in the period. */
export function rolesHeld(sqlite: Sqlite, volunteerId: number, period: Period): string[] {
  const roles = sqlite
    .prepare(
      `SELECT r.name, count(*) AS n FROM assignments a
       JOIN event_roles r ON r.id = a.role_id
       JOIN events e ON e.id = a.event_id
       LEFT JOIN attendance t ON t.event_id = a.event_id AND t.volunteer_id = a.volunteer_id
       WHERE a.volunteer_id = @id AND e.status = 'planned' AND coalesce(t.status, 'present') = 'present'
         AND substr(e.start_local, 1, 10) BETWEEN @from AND @to
       GROUP BY r.name COLLATE NOCASE ORDER BY n DESC, r.name LIMIT 12`,
    )
    .all({ id: volunteerId, ...period }) as { name: string }[];
  const facilitated = sqlite
    .prepare(
      `SELECT e.title, count(*) AS n FROM event_facilitators f JOIN events e ON e.id = f.event_id
       WHERE f.volunteer_id = @id AND e.status = 'planned' AND substr(e.start_local, 1, 10) BETWEEN @from AND @to
       GROUP BY e.title COLLATE NOCASE ORDER BY n DESC, e.title LIMIT 6`,
    )
    .all({ id: volunteerId, ...period }) as { title: string }[];
  return [...roles.map((r) => r.name), ...facilitated.map((f) => f.title)];
}

function categoryLines(sqlite: Sqlite, volunteerId: number, period: Period, lang: Language): string[] {
  const w = prefillWords(lang);
  const labels = w.categories as Record<string, string>;
  return minutesBy(sqlite, 'category', period, { volunteerId })
    .sort((a, b) => b.minutes - a.minutes)
    .map((g) => fill(w.categoryLine, { category: labels[String(g.key)] ?? String(g.key), hours: documentHours(g.minutes, lang) }));
}

function programmesOf(sqlite: Sqlite, volunteerId: number, period: Period): string[] {
  const ids = minutesBy(sqlite, 'programme', period, { volunteerId })
    .filter((g) => g.key !== null)
    .sort((a, b) => b.minutes - a.minutes)
    .map((g) => Number(g.key));
  if (!ids.length) return [];
  const names = new Map(
    (sqlite.prepare('SELECT id, name FROM programmes WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number; name: string }[]).map(
      (p) => [p.id, p.name],
    ),
  );
  return ids.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
}

export function skillsOf(sqlite: Sqlite, volunteerId: number, lang: Language): string[] {
  const seeded = resources[lang].volunteers.skills as Record<string, string>;
  return (
    sqlite
      .prepare('SELECT s.key, s.name FROM volunteer_skills vs JOIN skills s ON s.id = vs.skill_id WHERE vs.volunteer_id = ? ORDER BY vs.level DESC, s.id')
      .all(volunteerId) as { key: string | null; name: string | null }[]
  ).map((s) => s.name ?? (s.key ? (seeded[s.key] ?? s.key) : ''));
}

/** Where the person's events mostly took place in the period. */
function usualPlace(sqlite: Sqlite, volunteerId: number, period: Period): string | null {
  return (
    (sqlite
      .prepare(
        `SELECT e.place FROM assignments a JOIN events e ON e.id = a.event_id
         WHERE a.volunteer_id = @id AND e.place IS NOT NULL AND substr(e.start_local, 1, 10) BETWEEN @from AND @to
         GROUP BY e.place ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get({ id: volunteerId, ...period }) as string | undefined) ?? null
  );
}

const hasTable = (sqlite: Sqlite, name: string) => Boolean(sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name));

/** The person's latest completed training session, when trainings are recorded. */
export function latestTraining(
  sqlite: Sqlite,
  volunteerId: number,
): { course: string; courseDate: string; trainer: string | null; durationMinutes: number } | null {
  if (!hasTable(sqlite, 'training_participants') || !hasTable(sqlite, 'training_sessions')) return null;
  const row = sqlite
    .prepare(
      `SELECT e.title, e.start_local, e.start_utc, e.end_utc, s.trainer_name,
         (SELECT group_concat(v.first_name || ' ' || v.last_name, ', ') FROM event_facilitators f JOIN volunteers v ON v.id = f.volunteer_id WHERE f.event_id = e.id) AS facilitators
       FROM training_participants p JOIN training_sessions s ON s.event_id = p.event_id JOIN events e ON e.id = s.event_id
       WHERE p.volunteer_id = ? AND p.result = 'completed' ORDER BY e.start_local DESC LIMIT 1`,
    )
    .get(volunteerId) as
    | { title: string; start_local: string; start_utc: string; end_utc: string; trainer_name: string | null; facilitators: string | null }
    | undefined;
  if (!row) return null;
  const minutes = Math.round((Date.parse(row.end_utc) - Date.parse(row.start_utc)) / 60_000);
  return {
    course: row.title,
    courseDate: row.start_local.slice(0, 10),
    trainer: row.trainer_name ?? row.facilitators,
    durationMinutes: Math.max(15, Math.min(minutes, 600 * 60)),
  };
}

export function reasonFor(milestone: string | null, lang: Language): string {
  const w = prefillWords(lang);
  const m = milestone ? /^(hours|years):(\d+)$/.exec(milestone) : null;
  if (!m) return w.reasonFree;
  const n = Number(m[2]);
  if (m[1] === 'hours') return fill(w.reasonHours, { hours: new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n) });
  return fill(n === 1 ? w.reasonYears_one : w.reasonYears_other, { count: n });
}

export interface PrefillInput {
  template: Template;
  language: Language;
  volunteer: VolunteerFacts;
  period: Period;
  milestone: string | null;
  issuedOn: string;
  place: string | null;
  association: Association;
}

/** A complete first draft; the texts are the board's to change. */
export function prefill(sqlite: Sqlite, input: PrefillInput): CertificateDraftInput {
  const { template, language: lang, volunteer, period, association } = input;
  const w = prefillWords(lang);
  const common = {
    language: lang,
    volunteerId: volunteer.id,
    issuedOn: input.issuedOn,
    place: input.place,
    signatoryName: association.signatoryName ?? '',
    signatoryTitle: association.signatoryTitle,
    withSignature: false,
  };
  const roles = rolesHeld(sqlite, volunteer.id, period);
  const rolesLine = roles.length ? fill(w.roles, { roles: list(roles, lang) }) : '';
  const skills = list(skillsOf(sqlite, volunteer.id, lang), lang);
  switch (template) {
    case 'attestation':
      return {
        template,
        ...common,
        periodFrom: period.from,
        periodTo: period.to,
        missions: [...categoryLines(sqlite, volunteer.id, period, lang), rolesLine].filter(Boolean).join('\n'),
        skills,
      };
    case 'recognition':
      return { template, ...common, milestone: input.milestone, reason: reasonFor(input.milestone, lang), message: '' };
    case 'training': {
      const last = latestTraining(sqlite, volunteer.id);
      return {
        template,
        ...common,
        course: last?.course ?? '',
        courseDate: last?.courseDate ?? input.issuedOn,
        trainer: last?.trainer ?? null,
        durationMinutes: last?.durationMinutes ?? 0,
        content: '',
      };
    }
    case 'mission': {
      const programmes = programmesOf(sqlite, volunteer.id, period);
      return {
        template,
        ...common,
        periodFrom: period.from,
        periodTo: period.to,
        missionPlace: usualPlace(sqlite, volunteer.id, period) ?? association.city,
        context: [fill(w.context, { association: association.name }), programmes.length ? fill(w.programmes, { programmes: list(programmes, lang) }) : '']
          .filter(Boolean)
          .join(' '),
        purpose: '',
        activities: categoryLines(sqlite, volunteer.id, period, lang).join('\n'),
        results: '',
        responsibilities: roles.length ? list(roles, lang) : '',
        skills,
      };
    }
  }
}
