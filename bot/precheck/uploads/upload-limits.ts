/** The limits an upload must keep, all from settings (UPLOAD_MAX_BYTES and the others). */
export interface UploadLimits {
  /** Bytes of the file itself. */
  maxBytes: number;
  /** Width × height of an image, read from its header. */
  maxPixels: number;
  /** The longer side of an image, in pixels. */
  maxSide: number;
  maxPdfPages: number;
}
