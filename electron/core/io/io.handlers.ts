import type { DomainHandlers } from '../handlers';
import * as exporter from './export.service';
import * as importer from './import.service';

export const ioHandlers: DomainHandlers<'io'> = {
  'io.chooseImportFile': (_input, ctx) => importer.chooseImportFile(ctx),
  'io.previewImport': (input, ctx) => importer.previewImport(ctx, input),
  'io.runImport': (input, ctx) => importer.runImport(ctx, input),
  'io.discardImport': ({ token }, ctx) => importer.discardImport(ctx, token),
  'io.exportTables': ({ format }, ctx) => exporter.exportTables(ctx, format),
  'io.exportVolunteers': (input, ctx) => exporter.exportVolunteers(ctx, input),
};
