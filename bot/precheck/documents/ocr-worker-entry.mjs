// The OCR worker process's entry point: it registers the TypeScript loader the service runs under
// (tsx) before loading the worker, which is TypeScript like the rest of the service.
import { register } from 'tsx/esm/api';

register();
await import('./ocr-worker.ts');
