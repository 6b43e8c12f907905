/**
 * What the catalog administration needs from below, as types: reading a catalog file (ingest's
 * `readCatalogReport`), building and switching index versions (runtime's index publisher) and the
 * version in service. The composition root wires the implementations, so bot/ never imports ingest.
 */
import type { CatalogIssue } from '../../knowledge/catalog/catalog-issue.ts';
import type { Catalog } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';

export type CatalogFileReader = (
  file: string,
) => Promise<{ catalog?: Catalog; errors: CatalogIssue[]; warnings: CatalogIssue[] }>;

export type BuildStepPhase = 'load' | 'chunk' | 'embed' | 'write' | 'open' | 'switch';

export interface VersionInfo {
  version: string;
  createdAt: string;
  catalogVersion: string;
  hallName: string;
  items: number;
  themes: number;
  chunks: number;
  documents: number;
  live: boolean;
}

export interface PublisherPort {
  publish(input: {
    catalogFile?: string;
    hallFile?: string;
    onProgress?: (progress: { phase: BuildStepPhase; done: number; total: number }) => void;
  }): Promise<{
    version: string;
    previousVersion: string;
    summary: { items: number; chunks: number; embedded: number; reused: number; seconds: number };
  }>;
  activate(version: string): Promise<{ version: string; previousVersion: string }>;
  versions(): Promise<VersionInfo[]>;
}

export interface LiveContent {
  indexVersion: string;
  catalog?: Catalog;
  hall?: Hall;
}
