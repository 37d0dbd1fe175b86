/** The toolbar of the results panel; the panel runs only the ids a document offers. */
export const ProbeActions = {
  probeAgain: 'probeAgain',
  copyJson: 'copyJson',
  copyOpenssl: 'copyOpenssl',
  showDetails: 'showDetails',
  openServedChain: 'openServedChain',
} as const;
