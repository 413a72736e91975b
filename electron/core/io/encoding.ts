import type { FILE_ENCODINGS } from '../../../shared/api';

export type FileEncoding = (typeof FILE_ENCODINGS)[number];

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F, where French Excel writes € ’ œ « … and
 * friends. Node 20's `TextDecoder('windows-1252')` decodes that range as Latin-1 control characters
 * (nodejs/node#56542, a regression since 20.18.3), so those 32 bytes are mapped here (WHATWG table;
 * the five undefined bytes stay as they are, as browsers do).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Text files as associations have them: UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode
 * text"), or Windows-1252 as French Excel writes "CSV (séparateur : point-virgule)". Anything that
 * is not valid UTF-8 is read as Windows-1252, which can decode every byte.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
