/**
 * Every command the extension contributes. An integration test checks that this map,
 * the registrations and `contributes.commands` in package.json agree.
 */
export const CommandIds = {
  showLogs: 'cloudflareCertificates.showLogs',
  addApiToken: 'cloudflareCertificates.addApiToken',
  addGlobalApiKey: 'cloudflareCertificates.addGlobalApiKey',
  renameAccount: 'cloudflareCertificates.renameAccount',
  removeAccount: 'cloudflareCertificates.removeAccount',
  updateToken: 'cloudflareCertificates.updateToken',
  refresh: 'cloudflareCertificates.refresh',
  refreshNode: 'cloudflareCertificates.refreshNode',
  retry: 'cloudflareCertificates.retry',
  loadMoreHostnames: 'cloudflareCertificates.loadMoreHostnames',
  loadAllHostnames: 'cloudflareCertificates.loadAllHostnames',
  searchHostnames: 'cloudflareCertificates.searchHostnames',
  clearHostnameSearch: 'cloudflareCertificates.clearHostnameSearch',
  copyId: 'cloudflareCertificates.copyId',
  copyName: 'cloudflareCertificates.copyName',
  copyValue: 'cloudflareCertificates.copyValue',
  openInDashboard: 'cloudflareCertificates.openInDashboard',
  restartValidation: 'cloudflareCertificates.restartValidation',
  refreshValidation: 'cloudflareCertificates.refreshValidation',
  showDetails: 'cloudflareCertificates.showDetails',
  probeHostname: 'cloudflareCertificates.probeHostname',
  probe: 'cloudflareCertificates.probe',
  probeZone: 'cloudflareCertificates.probeZone',
  filter: 'cloudflareCertificates.filter',
  editFilter: 'cloudflareCertificates.editFilter',
  clearFilter: 'cloudflareCertificates.clearFilter',
  showOnlyProblems: 'cloudflareCertificates.showOnlyProblems',
  showAllCertificates: 'cloudflareCertificates.showAllCertificates',
  groupByZone: 'cloudflareCertificates.groupByZone',
  groupByStatus: 'cloudflareCertificates.groupByStatus',
  showProblems: 'cloudflareCertificates.showProblems',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
