import { describe, expect, test } from 'vitest';
import { backupsToKeep, isoWeek, type Dated } from '../../../electron/core/backups/rotation';
import { parseMounts, syncedFolderKind } from '../../../electron/core/backups/synced';

const at = (iso: string): Dated => ({ name: iso, at: new Date(iso) });
const kept = (items: Dated[]) => [...backupsToKeep(items)].sort();

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  test('keeps the newest of each of the last 7 days', () => {
    const items = Array.from({ length: 10 }, (_, i) => at(`2026-03-${String(i + 1).padStart(2, '0')}T10:00:00Z`));
    // Days 4..10 are the 7 daily; week and month buckets add the newest of earlier periods.
    const keep = kept(items);
    for (let d = 4; d <= 10; d++) expect(keep).toContain(`2026-03-${String(d).padStart(2, '0')}T10:00:00Z`);
    // 2026-03-01 is a Sunday (week 9), 2026-03-02 a Monday (week 10): the newest of week 9 is kept.
    expect(keep).toContain('2026-03-01T10:00:00Z');
    expect(keep).not.toContain('2026-03-02T10:00:00Z');
    expect(keep).not.toContain('2026-03-03T10:00:00Z');
  });

  test('several backups on one day: only the latest of that day counts for it', () => {
    const keep = kept([at('2026-03-10T08:00:00Z'), at('2026-03-10T12:00:00Z'), at('2026-03-10T18:00:00Z')]);
    expect(keep).toEqual(['2026-03-10T18:00:00Z']);
  });

  test('a year of daily backups keeps 7 + 4 weekly + 12 monthly at most, the newest always', () => {
    const items: Dated[] = [];
    const start = Date.UTC(2025, 0, 1);
    for (let d = 0; d < 400; d++) items.push({ name: `b${d}`, at: new Date(start + d * 86_400_000 + 3_600_000) });
    const keep = backupsToKeep(items);
    expect(keep.has('b399')).toBe(true);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12 + 7);
    // The 12 monthly are the newest of each of the last 12 months (last days of months).
    const months = new Set([...keep].map((n) => items[Number(n.slice(1))]!.at.toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
    // Nothing older than a year and two weeks is kept.
    for (const n of keep) expect(items[Number(n.slice(1))]!.at.getTime()).toBeGreaterThan(start + 30 * 86_400_000);
  });

  test('sparse backups: one a month for two years keeps the last 12 months', () => {
    const items = Array.from({ length: 24 }, (_, i) => ({ name: `m${i}`, at: new Date(Date.UTC(2024, i, 15)) }));
    const keep = backupsToKeep(items);
    expect([...keep].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `m${i + 12}`).sort());
  });

  test('nothing to keep from nothing; the order given does not matter', () => {
    expect(backupsToKeep([]).size).toBe(0);
    const items = Array.from({ length: 50 }, (_, i) => ({ name: `x${i}`, at: new Date(Date.UTC(2026, 0, 1) + i * 36e5 * 13) }));
    expect([...backupsToKeep([...items].reverse())].sort()).toEqual([...backupsToKeep(items)].sort());
  });

  test('ISO weeks', () => {
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-11-22T23:59:59Z'))).toBe('2026-W47');
  });
});

describe('synced and network folders', () => {
  const cases: [string, ReturnType<typeof syncedFolderKind>][] = [
    ['C:\\Users\\claire\\Dropbox\\Relais', 'dropbox'],
    ['/Users/claire/Dropbox (Personal)/Relais', 'dropbox'],
    ['C:\\Users\\claire\\OneDrive\\Documents\\Relais', 'onedrive'],
    ['C:\\Users\\claire\\OneDrive - Les Amis\\Relais', 'onedrive'],
    ['/Users/claire/Library/CloudStorage/OneDrive-Personal/Relais', 'onedrive'],
    ['/Users/claire/Library/CloudStorage/GoogleDrive-claire@example.org/My Drive/Relais', 'google-drive'],
    ['G:\\Mon Drive\\Relais', 'google-drive'],
    ['/Users/claire/Library/Mobile Documents/com~apple~CloudDocs/Relais', 'icloud'],
    ['C:\\Users\\claire\\iCloudDrive\\Relais', 'icloud'],
    ['/home/claire/Nextcloud/Relais', 'nextcloud'],
    ['/home/claire/ownCloud/Relais', 'owncloud'],
    ['\\\\nas\\partage\\Relais', 'network'],
    ['//nas/partage/Relais', 'network'],
    ['C:\\Users\\claire\\AppData\\Roaming\\Relais', null],
    ['/home/claire/.config/Relais', null],
    ['/Users/claire/Library/Application Support/Relais', null],
    ['\\\\?\\C:\\Users\\claire\\AppData\\Roaming\\Relais', null],
    // A word inside a folder name is not the client's folder.
    ['/home/claire/dropbox-notes-archive/Relais', null],
  ];
  test.each(cases)('%s → %s', (path, kind) => {
    expect(syncedFolderKind(path)).toBe(kind);
  });

  test('a network mount (NFS, SMB, sshfs) holding the folder; the longest mount point decides', () => {
    const mounts = parseMounts(
      [
        '/dev/sda1 / ext4 rw 0 0',
        'nas:/export/home /home nfs4 rw 0 0',
        '/dev/sdb1 /home/claire/local ext4 rw 0 0',
        '//nas/share /mnt/my\\040share cifs rw 0 0',
        'claire@host: /media/remote fuse.sshfs rw 0 0',
      ].join('\n'),
    );
    expect(mounts[3]).toEqual({ mountPoint: '/mnt/my share', fsType: 'cifs' });
    expect(syncedFolderKind('/home/claire/.config/Relais', mounts)).toBe('network');
    expect(syncedFolderKind('/home/claire/local/Relais', mounts)).toBeNull();
    expect(syncedFolderKind('/mnt/my share/Relais', mounts)).toBe('network');
    expect(syncedFolderKind('/media/remote/Relais', mounts)).toBe('network');
    expect(syncedFolderKind('/var/lib/relais', mounts)).toBeNull();
    expect(syncedFolderKind('/homework/Relais', mounts)).toBeNull();
  });
});
