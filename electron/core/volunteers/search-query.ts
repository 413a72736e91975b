import Database from 'better-sqlite3';

const TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'";

/**
 * Cuts a typed word into the terms the index holds. SQLite's tokenizer follows Unicode 6.1, which
 * disagrees with JavaScript's newer tables on some characters (a letter here, a separator there);
 * asking the same tokenizer, in a private in-memory database, keeps query and index in step.
 * Plain ASCII words take a shortcut: there the rules are simply "letters and digits, lower-cased".
 */
export function createTokenizer(): { terms(word: string): string[]; close(): void } {
  let db: Database.Database | null = null;
  let insert: Database.Statement | undefined;
  let read: Database.Statement | undefined;
  let clear: Database.Statement | undefined;
  const open = () => {
    db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE probe USING fts5(x, ${TOKENIZER});
             CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance');`);
    insert = db.prepare('INSERT INTO probe (rowid, x) VALUES (1, ?)');
    read = db.prepare('SELECT term FROM probe_terms ORDER BY offset').pluck();
    clear = db.prepare('DELETE FROM probe');
    return db;
  };
  return {
    terms(word) {
      if (/^[\x20-\x7e]*$/.test(word)) return word.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
      if (!db) open();
      insert!.run(word);
      const terms = read!.all() as string[];
      clear!.run();
      return terms;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

export type Tokenizer = ReturnType<typeof createTokenizer>;

/**
 * Turns what the user typed into an FTS5 query: every word must match, its last term as a
 * prefix. Terms come from the index's own tokenizer, so FTS syntax typed by the user
 * (" * ( ) : ^ - NEAR) is plain text and a word the index would ignore is ignored here too.
 */
export function toFtsQuery(typed: string, tokenizer: Tokenizer): string | null {
  const words = typed
    .normalize('NFKC')
    .split(/\s+/u)
    .slice(0, 8)
    .map((w) => tokenizer.terms(w))
    .filter((terms) => terms.length > 0);
  if (words.length === 0) return null;
  // A lone first letter means "names starting with"; one or two digits are not yet a useful piece
  // of a phone number. Looking through emails, phones and skills for them would match most of the
  // registry and slow the first keystrokes for nothing.
  const only = words.length === 1 && words[0]!.length === 1 ? words[0]![0]! : null;
  const phrase = (terms: string[]) => `"${terms.join(' ').replaceAll('"', '""')}"*`;
  if (only && ([...only].length === 1 || /^\d{1,2}$/.test(only))) return `name : ${phrase([only])}`;
  return words.map(phrase).join(' ');
}
