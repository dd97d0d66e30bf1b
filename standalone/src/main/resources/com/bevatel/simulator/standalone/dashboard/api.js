// The dashboard's HTTP: its read API, the core's agent actions, and the live event stream.

const READ = '/_simulator/ui/api';
const AGENT = '/_simulator/agent/conversations';
// With --admin-token the page is opened as /_simulator/ui?admin_token=…; every call passes it on
// (an EventSource cannot send headers, so the query parameter it is).
const ADMIN_TOKEN = new URLSearchParams(location.search).get('admin_token');

function withToken(url) {
  if (!ADMIN_TOKEN) {
    return url;
  }
  return url + (url.includes('?') ? '&' : '?') + 'admin_token=' + encodeURIComponent(ADMIN_TOKEN);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function get(path) {
  return answer(await fetch(withToken(READ + path), { headers: { Accept: 'application/json' } }));
}

/** POST /_simulator/agent/conversations/{id}/{action} as the member named in body.agent. */
export async function act(conversationId, action, body) {
  return answer(await fetch(withToken(`${AGENT}/${conversationId}/${action}`), {
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
 * by itself after a drop; onState('live' | 'reconnecting') tells the page.
 */
export function live(handlers, onState) {
  const source = new EventSource(withToken(READ + '/events'));
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, event => handler(event.data ? JSON.parse(event.data) : {}));
  }
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('error', () => onState('reconnecting'));
  return source;
}
