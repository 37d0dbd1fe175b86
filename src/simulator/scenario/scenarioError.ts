import { AppError } from '../../shared/appError';

/** A scenario file that does not describe a valid simulator state; the message names the field. */
export class ScenarioError extends AppError<'scenario_invalid'> {
  constructor(readonly field: string, problem: string) {
    super('scenario_invalid', `Scenario field ${field}: ${problem}`);
  }
}
