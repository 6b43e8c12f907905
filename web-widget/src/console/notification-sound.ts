/**
 * The console's alert: a short two-tone chime made with WebAudio (no audio file to load or cache),
 * played for a new case or a citizen's message, unless staff muted it. The choice is remembered per
 * browser in localStorage.
 */
const MUTED_KEY = 'daoban.console.muted';

let context: AudioContext | undefined;

export function isMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

export function setMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(MUTED_KEY, '1');
    else localStorage.removeItem(MUTED_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

/** Plays the chime; silently does nothing where WebAudio is missing or not allowed yet. */
export function playChime(): void {
  if (isMuted()) return;
  try {
    context ??= new AudioContext();
    // Browsers start the context suspended until the page had a user gesture (the sign-in click).
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    const gain = context.createGain();
    gain.connect(context.destination);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.36);
    for (const [frequency, offset] of [
      [880, 0],
      [660, 0.16],
    ]) {
      const oscillator = context.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.18);
    }
  } catch {
    // No sound is better than a broken console.
  }
}
