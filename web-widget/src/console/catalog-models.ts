/** What the catalog-management API returns (docs/http-api.md, "Catalog management"). */
export type UploadKind = 'catalog' | 'hall';

export interface CatalogIssue {
  file: string;
  row?: number;
  column?: string;
  field: string;
  itemId?: string;
  sheet?: string;
  message: string;
}

export interface CatalogDraft {
  id: string;
  kind: UploadKind;
  fileName: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
  publishable: boolean;
  report: {
    errors: CatalogIssue[];
    warnings: CatalogIssue[];
    summary?: { version?: string; hallName: string; items?: number; themes?: number; windows?: number };
  };
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  addedLines?: string[];
  removedLines?: string[];
}

export interface RecordRef {
  id: string;
  name: string;
}

export interface ListDiff {
  added: RecordRef[];
  removed: RecordRef[];
  changed: Array<RecordRef & { changes: FieldChange[] }>;
  unchanged: number;
}

export interface DraftDiff {
  kind: UploadKind;
  liveVersion: string;
  catalog?: {
    version: { before: string; after: string };
    hall: FieldChange[];
    items: ListDiff;
    themes: ListDiff;
  };
  hall?: { hall: FieldChange[]; floors: ListDiff; zones: ListDiff; windows: ListDiff };
}

export interface PublishJob {
  id: string;
  kind: UploadKind;
  fileName: string;
  status: 'running' | 'succeeded' | 'failed';
  percent: number;
  message: string;
  version?: string;
  error?: string;
}

export interface IndexVersion {
  version: string;
  createdAt: string;
  catalogVersion: string;
  hallName: string;
  items: number;
  themes: number;
  live: boolean;
  publishedBy?: string;
  publishedAt?: string;
  kind?: UploadKind;
  fileName?: string;
}

export interface VersionList {
  liveVersion: string;
  versions: IndexVersion[];
  job?: PublishJob;
}
