import type { Language, SavedDocument } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Context } from '../context';

// Built once the shared print module lands (electron/core/print).
export async function printAttendanceSheet(_ctx: Context, _eventId: number, _language: Language): Promise<SavedDocument> {
  throw new RelaisFailure('PLATFORM_UNAVAILABLE');
}
