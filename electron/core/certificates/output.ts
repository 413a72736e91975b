import { accessSync, constants, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language, Template } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { fullName, type CertificateModel } from './model';
import { documentWords } from './words';

/**
 * PDFs on disk. Each file is written under a `.part` name and renamed once every file of the
 * job exists; anything that fails removes what the job wrote, so no file carries a number the
 * registry does not hold.
 */

const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** « 2027-0042 Attestation de bénévolat - Dupont Marie.pdf », safe on Windows, macOS and Linux. */
export function fileNameFor(model: CertificateModel): string {
  const title = documentWords(model.draft.language)[model.draft.template].title;
  const who = `${model.volunteer.lastName} ${model.volunteer.firstName}`.trim() || fullName(model.volunteer);
  const base = `${model.number} ${title} - ${who}`.replace(unsafe, ' ').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  return `${base.slice(0, 150)}.pdf`;
}

/** « Attestation de bénévolat 2027-01-15.pdf » for a combined batch. */
export const batchFileName = (template: Template, lang: Language, issuedOn: string) =>
  `${documentWords(lang)[template].title} ${issuedOn}.pdf`.replace(unsafe, ' ');

export const cannotWrite = (path: string, error?: unknown) =>
  new RelaisFailure('CONFLICT', { reason: 'cannotWrite', path, cause: error instanceof Error ? (error as NodeJS.ErrnoException).code ?? 'error' : 'error' });

/** Refuses early (before printing hundreds of pages) a folder that is missing or read-only. */
export function checkFolder(folder: string): void {
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw cannotWrite(folder, error);
  }
}

export class PendingFiles {
  private parts: string[] = [];
  private finals: string[] = [];

  /** Writes `bytes` as `<path>.part`; the final name is taken by `publish`. */
  write(path: string, bytes: Uint8Array): void {
    const part = `${path}.part`;
    try {
      writeFileSync(part, bytes);
    } catch (error) {
      rmSync(part, { force: true });
      throw cannotWrite(path, error);
    }
    this.parts.push(path);
  }

  /** Every part to its final name (a file already there under that name is replaced). */
  publish(): void {
    try {
      for (const path of this.parts) {
        renameSync(`${path}.part`, path);
        this.finals.push(path);
      }
    } catch (error) {
      throw cannotWrite(this.parts[this.finals.length] ?? '', error);
    }
  }

  /** Removes everything this job wrote, parts and published files. */
  discard(): void {
    for (const path of this.parts) rmSync(`${path}.part`, { force: true });
    for (const path of this.finals) if (existsSync(path)) rmSync(path, { force: true });
    this.parts = [];
    this.finals = [];
  }
}

export const inFolder = (folder: string, name: string) => join(folder, name);
