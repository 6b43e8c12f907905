/**
 * Ends a conversation on the server over HTTP (`POST /api/v1/conversations/end`): the kiosk going
 * home, and the widget when its socket is not open. After it the session key resumes nothing.
 * `keepalive` lets the request finish even when the page is being left; failures are ignored,
 * because the device forgets the key in any case.
 */
export function endConversationOverHttp(server: string, sessionId: string): void {
  const url = new URL('/api/v1/conversations/end', new URL(server || '/', location.href));
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sessionId }),
    keepalive: true,
  }).catch(() => undefined);
}
