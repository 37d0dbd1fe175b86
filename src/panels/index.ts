// The panels' document builders, bundled as dist/panels.js and loaded on first use
// (src/panels/load.ts). The small pieces a panel needs before it has a document
// (action ids, titles, when to fetch) are imported from their own files.
export { lifecycleDocument, loadingDocument, unavailableDocument, type Freshness, type LifecycleInput } from './lifecycleDocument';
export { buildProbeDocument, type ProbeDocumentOptions } from './probeDocument';
