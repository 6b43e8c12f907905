import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../../../config/settings.ts';

describe('speech settings', () => {
  it('defaults to 300 characters, a 32 MB cache and 30 syntheses a minute per address', () => {
    expect(loadSettings({}).speech).toEqual({ maxChars: 300, cacheMb: 32, synthesisIpPerMinute: 30 });
  });

  it('reads SPEECH_MAX_CHARS, SPEECH_CACHE_MB and RATE_LIMIT_SPEECH_IP_PER_MINUTE', () => {
    const settings = loadSettings({
      SPEECH_MAX_CHARS: '120',
      SPEECH_CACHE_MB: '0',
      RATE_LIMIT_SPEECH_IP_PER_MINUTE: '5',
    });
    expect(settings.speech).toEqual({ maxChars: 120, cacheMb: 0, synthesisIpPerMinute: 5 });
  });

  it('refuses values that are no whole numbers, naming the variable', () => {
    expect(() => loadSettings({ SPEECH_MAX_CHARS: '0' })).toThrow(SettingsError);
    expect(() => loadSettings({ SPEECH_CACHE_MB: 'lots' })).toThrow(/SPEECH_CACHE_MB/);
    expect(() => loadSettings({ RATE_LIMIT_SPEECH_IP_PER_MINUTE: '-1' })).toThrow(
      /RATE_LIMIT_SPEECH_IP_PER_MINUTE/,
    );
  });
});
