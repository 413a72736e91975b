import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passphrase protection of a backup: AES-256-GCM with a key stretched by scrypt.
 *
 * scrypt N = 2^17, r = 8, p = 1 (128 MiB, about 0.6 s on the office laptops we measure on): slow
 * enough that guessing a passphrase from a stolen USB stick costs real time, fast enough to be
 * paid once per backup and once per restore. The 64 derived bytes give the AES key (first 32) and
 * a check value (sha256 of the last 32, stored in the manifest): a wrong passphrase is recognised
 * before any decryption, so it is never confused with a damaged file.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };

export interface Keys {
  key: Buffer;
  check: string;
}

export function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams = SCRYPT): Promise<Keys> {
  return new Promise((resolve, reject) => {
    // maxmem: 128 * N * r bytes plus headroom (Node's default cap is 32 MiB).
    const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
    scrypt(passphrase.normalize('NFC'), salt, 64, { ...params, maxmem }, (error, derived) => {
      if (error) return reject(error);
      resolve({ key: derived.subarray(0, 32), check: createHash('sha256').update(derived.subarray(32)).digest('base64') });
    });
  });
}

export const checksMatch = (a: string, b: string) => {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  return x.length === y.length && timingSafeEqual(x, y);
};

export const newSalt = () => randomBytes(16);
export const newIv = () => randomBytes(12);

/** The associated data binds the ciphertext to this format (a payload cannot be moved into another container version). */
export const AAD = Buffer.from('RELAIS-BACKUP/1', 'ascii');

export function encryptor(key: Buffer, iv: Buffer) {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  return cipher;
}

export function decryptor(key: Buffer, iv: Buffer, tag: Buffer) {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  return decipher;
}
