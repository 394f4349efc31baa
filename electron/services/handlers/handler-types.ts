import type { ArgsOut, Channel, Result } from '../../../shared/api/contract';

/** The handler for each channel: validated arguments in, a contract result (or a promise of one) out. */
export type Handlers = { [C in Channel]: (args: ArgsOut<C>) => Result<C> | Promise<Result<C>> };

/** The part of the table one area of the app provides. */
export type HandlersFor<C extends Channel> = Pick<Handlers, C>;
