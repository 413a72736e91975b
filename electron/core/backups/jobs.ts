import { RelaisFailure } from '../../../shared/errors';
import type { Session } from '../context';

/**
 * Long work (a backup, a restore) runs one at a time per data folder. The renderer asks for its
 * progress with `backups.progress` and may cancel it with `backups.cancel` until the point of no
 * return (the swap of a restore), after which cancelling is refused.
 */
export type JobKind = 'backup' | 'automatic' | 'restore' | 'inspect';
export type JobPhase = 'snapshot' | 'encrypt' | 'write' | 'read' | 'decrypt' | 'verify' | 'upgrade' | 'safety-copy' | 'swap';

export interface JobView {
  kind: JobKind;
  phase: JobPhase;
  /** 0..1 within the whole job. */
  fraction: number;
  cancellable: boolean;
}

export interface Work {
  /** Reports where the job is; `within` is 0..1 inside the phase's share of the job. */
  phase(phase: JobPhase, within?: number): void;
  /** Throws CANCELLED if the person asked to stop. Called between steps and between chunks. */
  checkpoint(): void;
  /** From here on the job finishes whatever happens (the swap). */
  commit(): void;
}

interface Runtime {
  job: (JobView & { cancelRequested: boolean }) | null;
}

const runtimes = new WeakMap<Session, Runtime>();
const runtimeOf = (session: Session): Runtime => {
  let r = runtimes.get(session);
  if (!r) runtimes.set(session, (r = { job: null }));
  return r;
};

/** Each phase's share of the progress bar, per kind of job (rough, measured at 100 MB). */
const WEIGHTS: Record<JobKind, Partial<Record<JobPhase, [number, number]>>> = {
  backup: { snapshot: [0, 0.35], encrypt: [0.35, 0.6], write: [0.6, 1] },
  automatic: { snapshot: [0, 0.35], encrypt: [0.35, 0.6], write: [0.6, 1] },
  inspect: { read: [0, 0.6], decrypt: [0.6, 0.8], verify: [0.8, 1] },
  restore: { read: [0, 0.2], decrypt: [0.2, 0.35], verify: [0.35, 0.55], upgrade: [0.55, 0.6], 'safety-copy': [0.6, 0.85], swap: [0.85, 1] },
};

export async function runJob<T>(session: Session, kind: JobKind, fn: (work: Work) => Promise<T>): Promise<T> {
  const runtime = runtimeOf(session);
  if (runtime.job) throw new RelaisFailure('CONFLICT', { reason: 'backup-busy', running: runtime.job.kind });
  const job = { kind, phase: 'read' as JobPhase, fraction: 0, cancellable: true, cancelRequested: false };
  runtime.job = job;
  const work: Work = {
    phase(phase, within = 0) {
      const [from, to] = WEIGHTS[kind][phase] ?? [job.fraction, job.fraction];
      job.phase = phase;
      job.fraction = Math.max(job.fraction, from + (to - from) * Math.min(1, Math.max(0, within)));
    },
    checkpoint() {
      if (job.cancelRequested && job.cancellable) throw new RelaisFailure('CANCELLED');
    },
    commit() {
      job.cancellable = false;
    },
  };
  try {
    return await fn(work);
  } finally {
    runtime.job = null;
  }
}

export function currentJob(session: Session): JobView | null {
  const job = runtimeOf(session).job;
  return job ? { kind: job.kind, phase: job.phase, fraction: job.fraction, cancellable: job.cancellable } : null;
}

/** Asks the running job to stop at its next checkpoint; false when nothing can be cancelled. */
export function requestCancel(session: Session): boolean {
  const job = runtimeOf(session).job;
  if (!job || !job.cancellable) return false;
  job.cancelRequested = true;
  return true;
}

/** A no-op Work for internal callers with nobody watching (the copy before a restore). */
export const silentWork: Work = { phase: () => undefined, checkpoint: () => undefined, commit: () => undefined };
