/**
 * The uploads a pre-check request names (`uploads: [id, …]`), resolved to their stored readings.
 * A malformed list is left to the pre-check's own validation; an unknown, withdrawn or expired id
 * is a 400, so the citizen knows to upload again.
 */
import { precheckInputSchema } from '../../precheck/precheck-types.ts';
import { fieldsWithDocuments, type PrecheckDocument } from '../../precheck/uploads/uploaded-documents.ts';
import { precheckFieldsSchema, type PrecheckFields } from '../../precheck/validators/fields-schema.ts';
import { UploadError } from '../../precheck/uploads/upload-error.ts';
import { HttpError } from '../errors/http-error.ts';
import type { Services } from '../services/services.ts';

const uploadIds = precheckInputSchema.shape.uploads;

export function uploadedDocumentsOf(services: Services, body: object): PrecheckDocument[] {
  const parsed = uploadIds.safeParse((body as { uploads?: unknown }).uploads);
  if (!parsed.success || !parsed.data || parsed.data.length === 0) return [];
  try {
    return services.uploads.documents(parsed.data);
  } catch (error) {
    if (error instanceof UploadError) {
      throw new HttpError(400, 'PRECHECK_UPLOAD_NOT_FOUND', error.userMessage);
    }
    throw error;
  }
}

/** The numbers the pre-check checked, typed or read from an upload, for its kept record (masked there). */
export function checkedFieldsOf(body: object, documents: PrecheckDocument[]): PrecheckFields | undefined {
  const typed = precheckFieldsSchema.safeParse((body as { fields?: unknown }).fields);
  return typed.success ? fieldsWithDocuments(typed.data, documents) : undefined;
}
