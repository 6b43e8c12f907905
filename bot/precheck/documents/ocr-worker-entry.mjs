// The OCR worker thread's entry point. A worker does not inherit the TypeScript loader the service
// runs under (tsx) on every Node version, so it registers the loader itself before loading the
// worker, which is TypeScript like the rest of the service.
import { register } from 'tsx/esm/api';

register();
await import('./ocr-worker.ts');
