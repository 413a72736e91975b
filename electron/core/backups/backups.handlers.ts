import type { DomainHandlers } from '../handlers';
import * as service from './backups.service';

// Handlers read the session's stores through the service each time: a restore replaces the real one.
export const backupsHandlers: DomainHandlers<'backups'> = {
  'backups.status': (_input, ctx) => service.getStatus(ctx),
  'backups.create': ({ passphrase }, ctx) => service.createBackup(ctx, passphrase),
  'backups.runAutomatic': ({ trigger }, ctx) => service.runAutomatic(ctx, trigger),
  'backups.chooseFolder': (_input, ctx) => service.chooseFolder(ctx),
  'backups.saveSettings': (input, ctx) => service.saveSettings(ctx, input),
  'backups.inspect': (input, ctx) => service.inspect(ctx, input?.id),
  'backups.restore': ({ token, passphrase }, ctx) => service.restore(ctx, token, passphrase),
  'backups.undoRestore': (_input, ctx) => service.undoRestore(ctx),
  'backups.progress': (_input, ctx) => service.progress(ctx),
  'backups.cancel': (_input, ctx) => service.cancel(ctx),
  'backups.dismissRecovery': (_input, ctx) => service.dismissRecovery(ctx),
  'backups.show': (input, ctx) => service.show(ctx, input),
};
