// The dashboard's HTTP: its read API, the core's agent actions, and the live event stream.

const READ = '/_simulator/ui/api';
const AGENT = '/_simulator/agent/conversations';

// With --admin-token the page is opened as /_simulator/ui?admin_token=…: the server answers with a
// redirect to the page without it and a session cookie, which every call below (the event stream
// too) carries by itself; no script ever sees the token. One the server did not take is still in
// the address: out with it, so it is in no history entry, bookmark or screenshot.
const address = new URL(location.href);
if (address.searchParams.has('admin_token')) {
  address.searchParams.delete('admin_token');
  history.replaceState(history.state, '', address.pathname + address.search + address.hash);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function get(path) {
  return answer(await fetch(READ + path, { headers: { Accept: 'application/json' } }));
}

/** POST /_simulator/agent/conversations/{id}/{action} as the member named in body.agent. */
export async function act(conversationId, action, body) {
  return answer(await fetch(`${AGENT}/${conversationId}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, errorMessage(response.status, body, text));
  return body;
}

// Chatwoot's error bodies come in a few shapes: {error}, {message}, {errors: [...]}.
function errorMessage(status, body, text) {
  const detail = body && (body.error || body.message || (Array.isArray(body.errors) && body.errors.join(', ')));
  return `${status}: ${detail || text || 'request failed'}`;
}

/**
 * Subscribes to the server-sent events; handlers is {eventName: data => …}. The browser reconnects
 * by itself after a drop; onState('live' | 'reconnecting' | 'closed') tells the page ('closed': the
 * server refused the stream, e.g. the admin session ended, and the browser gave up).
 */
export function live(handlers, onState) {
  const source = new EventSource(READ + '/events');
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, event => handler(event.data ? JSON.parse(event.data) : {}));
  }
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  return source;
}
