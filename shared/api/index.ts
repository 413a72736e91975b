import type { z } from 'zod';
import type { Result } from '../errors';
import type { MethodSpec } from './define';
import { backupsMethods } from './backups';
import { certificatesMethods } from './certificates';
import { eventsMethods } from './events';
import { financeMethods } from './finance';
import { hoursMethods } from './hours';
import { ioMethods } from './io';
import { privacyMethods } from './privacy';
import { settingsMethods } from './settings';
import { trainingsMethods } from './trainings';
import { volunteersMethods } from './volunteers';

/** Every method the renderer may call, `domain.method` → its input and output schemas. */
export const contract = {
  ...settingsMethods,
  ...volunteersMethods,
  ...backupsMethods,
  ...ioMethods,
  ...privacyMethods,
  ...eventsMethods,
  ...hoursMethods,
  ...trainingsMethods,
  ...financeMethods,
  ...certificatesMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
/** What a handler receives: the input after the contract parsed it (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type Domain = MethodName extends `${infer D}.${string}` ? D : never;
type MethodsOf<D extends Domain> = Extract<MethodName, `${D}.${string}`> extends `${D}.${infer M}` ? M : never;

type Call<N extends MethodName> = undefined extends Input<N>
  ? (input?: Input<N>) => Promise<Result<Output<N>>>
  : (input: Input<N>) => Promise<Result<Output<N>>>;

/** The shape of `window.relais`: one named async function per contract method. */
export type RelaisApi = {
  [D in Domain]: { [M in MethodsOf<D>]: Call<Extract<MethodName, `${D}.${M}`>> };
};

/** Builds `{ domain: { method: fn } }` from the method list; used by the preload and the test bridge. */
export function buildApi(invoke: (method: MethodName, input: unknown) => Promise<Result<unknown>>): RelaisApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [domain, fn] = name.split('.') as [string, string];
    (api[domain] ??= {})[fn] = (input?: unknown) => invoke(name, input);
  }
  return api as unknown as RelaisApi;
}

export * from './backups';
export * from './certificates';
export * from './events';
export * from './finance';
export * from './hours';
export * from './io';
export * from './privacy';
export * from './settings';
export * from './trainings';
export * from './volunteers';
export * from './fields';
