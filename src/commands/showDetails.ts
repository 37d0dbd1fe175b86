import type { ObjectRef } from '../domain/objectRef';
import type { CommandContext } from './context';

/** "Show Details": the lifecycle panel of a certificate object, opened or revealed. */
export function showDetails(context: CommandContext): (ref?: ObjectRef) => Promise<void> {
  return async (ref) => {
    if (ref === undefined) {
      context.logger.debug('Show Details: no certificate object given; nothing to show.');
      return;
    }
    await context.lifecyclePanels.show(ref);
  };
}
