import { addApiToken, addGlobalApiKey } from './addAccount';
import type { CommandContext } from './context';
import { copyId, copyName, copyValue } from './copy';
import { diagnose, diagnoseZone } from './diagnose';
import { forgetApiServerAnswers } from './forgetApiServerAnswers';
import { clearHostnameSearch, loadAllHostnames, loadMoreHostnames, searchHostnames } from './hostnames';
import { CommandIds, type CommandId } from '../platform/commandIds';
import { removeAccount, renameAccount } from './manageAccount';
import { openInDashboard } from './openInDashboard';
import { openApiObject, openServedChain } from './openRawData';
import { openWalkthrough } from './openWalkthrough';
import { probe, probeZone } from './probe';
import { probeHostname } from './probeHostname';
import { refresh, refreshNode, retry } from './refresh';
import { showDetails } from './showDetails';
import { onObject } from './objectTarget';
import { showLogs } from './showLogs';
import { clearFilter, filter, groupByStatus, groupByZone, showAllCertificates, showOnlyProblems, showProblems } from './viewOptions';
import { updateToken } from './updateToken';
import { refreshValidation, restartValidation } from './validation';

/** A command's handler; commandRegistry.ts runs it through runCommand. */
export type CommandHandler = (...args: never[]) => unknown;

/**
 * One registry: every command ID maps to its handler. Bundled as dist/commands.js and
 * loaded with the first command run (commandRegistry.ts registers the IDs at activation).
 */
export function commandHandlers(context: CommandContext): Record<CommandId, CommandHandler> {
  return {
    [CommandIds.showLogs]: showLogs(context.channel),
    [CommandIds.forgetApiServerAnswers]: forgetApiServerAnswers(context),
    [CommandIds.addApiToken]: addApiToken(context),
    [CommandIds.addGlobalApiKey]: addGlobalApiKey(context),
    [CommandIds.renameAccount]: renameAccount(context),
    [CommandIds.removeAccount]: removeAccount(context),
    [CommandIds.updateToken]: updateToken(context),
    [CommandIds.refresh]: refresh(context),
    [CommandIds.refreshNode]: refreshNode(context),
    [CommandIds.retry]: retry(context),
    [CommandIds.loadMoreHostnames]: loadMoreHostnames(context),
    [CommandIds.loadAllHostnames]: loadAllHostnames(context),
    [CommandIds.searchHostnames]: searchHostnames(context),
    [CommandIds.clearHostnameSearch]: clearHostnameSearch(context),
    [CommandIds.copyId]: copyId(context),
    [CommandIds.copyName]: copyName(context),
    [CommandIds.copyValue]: copyValue(context),
    [CommandIds.openInDashboard]: openInDashboard(context),
    [CommandIds.restartValidation]: onObject(restartValidation(context)),
    [CommandIds.refreshValidation]: onObject(refreshValidation(context)),
    [CommandIds.showDetails]: onObject(showDetails(context)),
    [CommandIds.probeHostname]: probeHostname(context),
    [CommandIds.probe]: probe(context),
    [CommandIds.probeZone]: probeZone(context),
    [CommandIds.diagnose]: onObject(diagnose(context), 'handler'),
    [CommandIds.diagnoseZone]: diagnoseZone(context),
    [CommandIds.filter]: filter(context),
    // The same prompt; a second id only so the title bar can show a filled icon while filtered.
    [CommandIds.editFilter]: filter(context),
    [CommandIds.clearFilter]: clearFilter(context),
    [CommandIds.showOnlyProblems]: showOnlyProblems(context),
    [CommandIds.showAllCertificates]: showAllCertificates(context),
    [CommandIds.groupByZone]: groupByZone(context),
    [CommandIds.groupByStatus]: groupByStatus(context),
    [CommandIds.showProblems]: showProblems(context),
    [CommandIds.openApiObject]: openApiObject(context),
    [CommandIds.openServedChain]: openServedChain(context),
    [CommandIds.openWalkthrough]: openWalkthrough(context),
  };
}
