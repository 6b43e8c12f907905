/**
 * The speech engine could not make the audio (it failed, hung, or has too many sentences waiting).
 * The kiosk then shows the answer without the guide speaking it.
 */
export class SpeechUnavailableError extends Error {
  readonly code = 'SPEECH_UNAVAILABLE';
  readonly userMessage = '语音暂时无法播放，请查看屏幕上的文字。';

  constructor(message: string) {
    super(message);
    this.name = 'SpeechUnavailableError';
  }
}
