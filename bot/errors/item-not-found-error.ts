/**
 * Raised when a request names a service item (by code or name) that the loaded catalog does not
 * contain. Callers map the code to a "not found" response; the message is safe to show to staff.
 */
export class ItemNotFoundError extends Error {
  readonly code = 'ITEM_NOT_FOUND';
  readonly reference: string;

  constructor(reference: string) {
    super(`事项清单中没有找到“${reference}”，请核对事项名称或事项编码。`);
    this.name = 'ItemNotFoundError';
    this.reference = reference;
  }
}
