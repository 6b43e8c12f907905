/** What the citizen is told when an upload could not be read, in plain words with what to do. */
export const READING_PROBLEMS = {
  noText: '未能识别出文字，请在光线充足处把证件放平，重新拍摄清晰、完整的照片。',
  unknownType: '未能识别出这是哪一种证件，请上传完整、清晰的证件照片或扫描件。',
  unreadableImage: '无法打开这张图片，请重新拍摄，或换一张JPG、PNG格式的图片上传。',
  unreadablePdf: '无法打开这份PDF文件，请确认文件完整后重新上传，或改为上传证件照片。',
  pdfWithoutText: '这份PDF文件里没有可以读取的文字（可能是扫描件），请改为上传证件的清晰照片。',
  timeout: '识别用时过长，请稍后重试，或上传一张更清晰、更小的图片。',
  failed: '识别时出现问题，请稍后重试，或到窗口请工作人员核对材料。',
} as const;
