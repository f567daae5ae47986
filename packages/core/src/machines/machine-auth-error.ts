import { AppError } from '../errors.ts';

/**
 * Every machine-authentication failure answers the same 401, so an agent simply enrols again
 * and a prober learns nothing. The reason stays on the server, for the log.
 */
export class MachineAuthError extends AppError {
  readonly reason: string;

  constructor(reason: string) {
    super('machine_unauthorized', 'Machine authentication failed; enrol again');
    this.name = 'MachineAuthError';
    this.reason = reason;
  }
}
