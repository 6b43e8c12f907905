/**
 * Privacy on a shared screen: after a period without any touch, key or voice, the kiosk returns to
 * its home screen and forgets the conversation, so the next visitor does not see the last one's.
 */
export const IDLE_RESET_MS = 90_000;

export function watchIdle(onIdle: () => void, timeoutMs = IDLE_RESET_MS): { poke: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poke = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, timeoutMs);
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) {
    window.addEventListener(type, poke, { passive: true, capture: true });
  }
  poke();
  return { poke };
}
