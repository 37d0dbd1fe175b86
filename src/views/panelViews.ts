// The views behind panels, bundled as dist/views.js and loaded when the first panel opens
// or the first probe runs (src/views/load.ts): nothing here is needed to show the tree.
export { DocumentPanel } from './webviewPanels/documentPanel';
export { LifecyclePanel } from './webviewPanels/lifecyclePanel';
export { ProbeController } from './probeController';
export { DiagnoseController } from './diagnoseController';
