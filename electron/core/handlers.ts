import type { MethodName, Output, ParsedInput } from '../../shared/api';
import type { Context } from './context';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Context) => Promise<Output<M>> | Output<M>;

/** The handlers of one domain: `DomainHandlers<'volunteers'>` must cover every `volunteers.*` method. */
export type DomainHandlers<D extends string> = { [M in Extract<MethodName, `${D}.${string}`>]: Handler<M> };

export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers for one file's share of a domain (`HandlersFor<typeof staffingMethods>`). */
export type HandlersFor<T> = { [M in keyof T & MethodName]: Handler<M> };
