/**
 * The citizen's uploads in the pre-check: a recognised document counts as a provided material, its
 * match explained by where it came from ("上传的照片：居民身份证"), and the numbers read from it fill
 * the fields the citizen left empty (what they typed always wins).
 */
import type { Material } from '../../../knowledge/catalog/schema.ts';
import type { DocumentReading, DocumentType } from '../documents/document-reader.ts';
import { readAllProvided } from '../match-material.ts';
import type { PrecheckFields } from '../validators/fields-schema.ts';

export interface PrecheckDocument {
  /** How the citizen is told where the match came from ("上传的照片：居民身份证"). */
  label: string;
  documentType: DocumentType | null;
  fields: DocumentReading['fields'];
}

export interface UploadedMatch {
  /** The document type, read like a name the citizen said (parts of a material are checked on it). */
  said: string;
  material: Material;
  label: string;
}

export function readUploadedDocuments(
  documents: PrecheckDocument[],
  materials: Material[],
): { matched: UploadedMatch[]; unrecognised: string[] } {
  const matched: UploadedMatch[] = [];
  const unrecognised: string[] = [];
  for (const document of documents) {
    if (!document.documentType) continue;
    const reading = readAllProvided([document.documentType], materials);
    if (reading.matched.length === 0) unrecognised.push(document.label);
    for (const match of reading.matched) {
      matched.push({ said: match.said, material: match.material, label: document.label });
    }
  }
  return { matched, unrecognised };
}

const READ_FIELDS = ['idNumber', 'creditCode', 'idExpiry'] as const;

export function fieldsWithDocuments(typed: PrecheckFields, documents: PrecheckDocument[]): PrecheckFields {
  const fields: PrecheckFields = { ...typed };
  for (const key of READ_FIELDS) {
    if (fields[key] !== undefined && fields[key].trim() !== '') continue;
    const read = documents.find((document) => document.fields[key])?.fields[key];
    if (read) fields[key] = read;
  }
  return fields;
}
