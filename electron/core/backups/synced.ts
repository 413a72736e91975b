import { readFileSync } from 'node:fs';

/**
 * Where the data folder sits, when that is a risk: SQLite's own documentation warns that a
 * database in a folder that a sync client copies behind its back, or on a network share, can be
 * corrupted (locks do not cross the network, a half-written file gets synced). Pure functions, so
 * every platform's paths can be tested anywhere.
 */
export type SyncedKind = 'dropbox' | 'onedrive' | 'google-drive' | 'icloud' | 'nextcloud' | 'owncloud' | 'sync-client' | 'network';

export interface Mount {
  mountPoint: string;
  fsType: string;
}

/** Folder names the sync clients create (compared case-insensitively, per path segment). */
const SEGMENTS: [RegExp, SyncedKind][] = [
  [/^dropbox( \(.+\))?$/i, 'dropbox'],
  [/^onedrive( - .+)?$/i, 'onedrive'],
  [/^(google ?drive|googledrive-.+|my drive|mon drive|mein ablage|meine ablage)$/i, 'google-drive'],
  [/^(icloud ?drive.*|mobile documents|com~apple~clouddocs)$/i, 'icloud'],
  [/^nextcloud.*$/i, 'nextcloud'],
  [/^owncloud.*$/i, 'owncloud'],
  [/^(pcloud ?drive|synologydrive|mega|megasync|box|box sync|tresorit|seadrive|sync)$/i, 'sync-client'],
];

/** macOS File Provider folders: ~/Library/CloudStorage/<Provider>-<account>. */
const CLOUD_STORAGE: [RegExp, SyncedKind][] = [
  [/^dropbox/i, 'dropbox'],
  [/^onedrive/i, 'onedrive'],
  [/^googledrive/i, 'google-drive'],
  [/^nextcloud/i, 'nextcloud'],
  [/^owncloud/i, 'owncloud'],
];

const NETWORK_FS = /^(nfs4?|cifs|smb[23]?|smbfs|afpfs|webdav|davfs|ncpfs|9p|fuse\.(sshfs|rclone|s3fs|gcsfuse|davfs2?|onedriver|google-drive-ocamlfuse))$/i;

export function syncedFolderKind(path: string, mounts: readonly Mount[] = []): SyncedKind | null {
  // UNC paths: \\server\share\… (and the //server/share form some tools print).
  if (/^(\\\\|\/\/)[^\\/?.][^\\/]*[\\/]/.test(path) && !/^\\\\\?\\[A-Za-z]:/.test(path)) return 'network';
  const segments = path.split(/[\\/]+/).filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (i > 0 && /^cloudstorage$/i.test(segments[i - 1]!)) {
      const hit = CLOUD_STORAGE.find(([re]) => re.test(s));
      if (hit) return hit[1];
    }
    const hit = SEGMENTS.find(([re]) => re.test(s));
    if (hit) return hit[1];
  }
  // The mount that holds the path is the longest mount point that is a prefix of it.
  const normal = path.replace(/\\/g, '/');
  const holder = mounts
    .filter((m) => normal === m.mountPoint || normal.startsWith(m.mountPoint.endsWith('/') ? m.mountPoint : `${m.mountPoint}/`))
    .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
  return holder && NETWORK_FS.test(holder.fsType) ? 'network' : null;
}

/** Mounts as Linux lists them in /proc/mounts (octal escapes for spaces decoded). */
export function parseMounts(text: string): Mount[] {
  const decode = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ mountPoint: decode(f[1]!), fsType: f[2]! }));
}

/** The machine's mounts where they can be read (Linux); elsewhere path names are all we check. */
export function systemMounts(): Mount[] {
  if (process.platform !== 'linux') return [];
  try {
    return parseMounts(readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return [];
  }
}
