/**
 * The store cannot take a write just now: another process holds the database lock for longer than
 * the write may wait (STORE_BUSY), the database or its disk is full (STORE_FULL), or the file cannot
 * be written at all (STORE_READONLY). The HTTP error handler answers 503; the chat channel sends the
 * message as an error frame.
 */
export type StoreUnavailableCode = 'STORE_BUSY' | 'STORE_FULL' | 'STORE_READONLY';

const USER_MESSAGES: Record<StoreUnavailableCode, string> = {
  STORE_BUSY: '系统繁忙，您的消息未能保存，请稍后再发送一次。',
  STORE_FULL: '系统存储空间不足，您的消息未能保存，请稍后再试或到综合咨询窗口咨询。',
  STORE_READONLY: '系统暂时无法保存数据，请稍后再试或到综合咨询窗口咨询。',
};

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly userMessage: string;
  constructor(
    readonly code: StoreUnavailableCode,
    message: string = code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.userMessage = USER_MESSAGES[code];
  }
}
