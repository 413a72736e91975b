import type { z } from 'zod';
import { DEFAULT_MILESTONES, type CertificateSettings, type certificateSettingsInput } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Sqlite } from '../db/connection';

/** The certificate settings live in the settings table, one JSON value. */
const KEY = 'certificates';

export function readCertificateSettings(sqlite: Sqlite): CertificateSettings {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const stored = row ? (JSON.parse(row) as Partial<CertificateSettings>) : {};
  return {
    milestones: stored.milestones ?? DEFAULT_MILESTONES,
    signature: stored.signature ?? null,
    place: stored.place ?? null,
  };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The data URL must hold the PNG or JPEG it claims to be: it is printed on every signed document. */
function checkSignature(dataUrl: string | null): void {
  if (!dataUrl) return;
  const match = /^data:image\/(png|jpeg);base64,(.*)$/.exec(dataUrl);
  const bytes = match ? Buffer.from(match[2]!, 'base64') : Buffer.alloc(0);
  const ok = match?.[1] === 'png' ? bytes.subarray(0, 8).equals(PNG) : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!ok) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['signature'], key: 'signatureFormat' }] });
}

export function saveCertificateSettings(sqlite: Sqlite, input: z.output<typeof certificateSettingsInput>): CertificateSettings {
  checkSignature(input.signature);
  const value = JSON.stringify({ milestones: input.milestones, signature: input.signature, place: input.place });
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, value);
  return readCertificateSettings(sqlite);
}
