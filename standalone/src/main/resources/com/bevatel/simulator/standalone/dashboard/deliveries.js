// The right pane: webhook deliveries, newest first; a row opens its request and response.
import { el, replace, pretty, dateTime } from './dom.js';

/**
 * deliveries: summaries oldest first; expanded: Set of ids shown open; details: Map id → detail
 * (fetched on demand); onToggle(id); filtered: whether a filter hid some, for the empty text.
 */
export function renderDeliveries(container, deliveries, expanded, details, onToggle, filtered) {
  if (deliveries.length === 0 && filtered) {
    replace(container, el('li', { class: 'list-empty' }, 'No deliveries match the filters.'));
    return;
  }
  if (deliveries.length === 0) {
    replace(container, el('li', { class: 'list-empty' },
      'No webhook deliveries yet. Every attempt to an inbox ', el('code', {}, 'webhook_url'),
      ', an account webhook or an agent bot\'s ', el('code', {}, 'outgoing_url'), ' shows here with its answer.'));
    return;
  }
  replace(container, deliveries.slice().reverse().map(d => {
    const open = expanded.has(d.id);
    return el('li', { dataset: { deliveryId: d.id, event: d.event, succeeded: String(d.succeeded), expanded: String(open) } },
      el('button', { type: 'button', class: 'delivery-row', 'aria-expanded': String(open), onclick: () => onToggle(d.id) },
        el('span', { class: 'http-status ' + (d.succeeded ? 'ok' : 'failed') }, d.response_status ?? 'ERR'),
        el('span', { class: 'delivery-event' }, d.event),
        // Always there (empty without a conversation), so the grid's columns stay in place.
        el('span', { class: 'delivery-conversation' }, d.conversation_id === null ? '' : 'conv ' + d.conversation_id),
        el('span', { class: 'delivery-duration' }, d.duration_ms + ' ms'),
        el('span', { class: 'delivery-target', title: d.url }, d.receiver + ' · ' + d.url),
        el('span', { class: 'delivery-id' }, '#' + d.id)),
      open && detail(d, details.get(d.id)));
  }));
}

function detail(summary, d) {
  if (!d) return el('div', { class: 'delivery-detail' }, 'Loading…');
  return el('div', { class: 'delivery-detail' },
    el('dl', { class: 'kv' },
      el('dt', {}, 'simulated time'), el('dd', {}, dateTime(d.simulated_time)),
      el('dt', {}, 'attempt'), el('dd', {}, d.attempt),
      d.conversation_id !== null && [el('dt', {}, 'conversation'), el('dd', {}, '#' + d.conversation_id)],
      el('dt', {}, 'delivery'), el('dd', {}, d.delivery_id ?? '–')),
    d.failure && el('p', { class: 'failure' }, d.failure),
    el('h3', {}, 'Request'),
    el('p', { class: 'request-line' }, 'POST ' + d.url),
    el('dl', { class: 'kv' }, Object.entries(d.request_headers).map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
    el('pre', { class: 'body request-body' }, pretty(d.request_body)),
    el('h3', {}, 'Response'),
    el('p', { class: 'request-line' }, d.response_status === null ? 'no response' : 'HTTP ' + d.response_status),
    el('pre', { class: 'body response-body' }, d.response_status === null ? '(no response)' : pretty(d.response_body)));
}
