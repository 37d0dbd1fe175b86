// jsonc-parser, bundled as dist/jsonc.js and loaded when the first settings file is read (src/platform/load.ts).
export { parse } from 'jsonc-parser';
