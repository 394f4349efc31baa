import type { ArgsOut, Channel, Result } from '../../../shared/api/contract';
import type { RemittanceRecords } from '../remittances/remittance-records';
import type { VarianceService } from '../remittances/variance-service';

/** The handler for each channel: validated arguments in, a contract result (or a promise of one) out. */
export type Handlers = { [C in Channel]: (args: ArgsOut<C>) => Result<C> | Promise<Result<C>> };

/** The part of the table one area of the app provides. */
export type HandlersFor<C extends Channel> = Pick<Handlers, C>;

/** Services built once per handler table and shared by the areas that need them. */
export type SharedServices = { variance: VarianceService; records: RemittanceRecords };
