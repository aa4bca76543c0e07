// Entry of every simulator worker. Before Node 22, tsx installs its TypeScript loader on the main
// thread only, so a worker started from `tsx scripts/sim.ts` cannot load worker.ts by itself, and
// `execArgv: ['--import', 'tsx']` does not help either (tsx's loader skips worker threads on Node 20).
// tsImport registers a loader scoped to this import and everything it imports.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
