import type { BatchJob } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Session } from '../context';

/**
 * Issuing runs one at a time per data folder (numbers are handed out before printing and
 * recorded after: nothing else may record in between). The renderer reads the progress with
 * `certificates.progress` and may stop a batch with `certificates.cancel` until its documents are
 * being recorded.
 */
export type Phase = BatchJob['phase'];

export interface Work {
  /** `done` of `total` documents through this phase. */
  progress(phase: Phase, done: number): void;
  /** Throws CANCELLED when the person asked to stop. */
  checkpoint(): void;
  /** From here the job finishes (the registry is being written). */
  commit(): void;
}

interface Running extends BatchJob {
  cancelRequested: boolean;
}

const running = new WeakMap<Session, Running>();

/** Each phase's share of the bar. */
const SHARE: Record<Phase, [number, number]> = { prepare: [0, 0.1], print: [0.1, 0.9], write: [0.9, 1] };

export async function runIssue<T>(session: Session, total: number, fn: (work: Work) => Promise<T>): Promise<T> {
  if (running.has(session)) throw new RelaisFailure('CONFLICT', { reason: 'busy' });
  const job: Running = { phase: 'prepare', done: 0, total, fraction: 0, cancellable: true, cancelRequested: false };
  running.set(session, job);
  const work: Work = {
    progress(phase, done) {
      const [from, to] = SHARE[phase];
      job.phase = phase;
      job.done = done;
      job.fraction = Math.max(job.fraction, from + (to - from) * (total ? Math.min(1, done / total) : 1));
    },
    checkpoint() {
      if (job.cancelRequested) throw new RelaisFailure('CANCELLED');
    },
    commit() {
      job.cancellable = false;
    },
  };
  try {
    return await fn(work);
  } finally {
    running.delete(session);
  }
}

export function currentIssue(session: Session): BatchJob | null {
  const job = running.get(session);
  return job ? { phase: job.phase, done: job.done, total: job.total, fraction: job.fraction, cancellable: job.cancellable } : null;
}

export function cancelIssue(session: Session): boolean {
  const job = running.get(session);
  if (!job || !job.cancellable) return false;
  job.cancelRequested = true;
  return true;
}
