// The left pane: inboxes (with counts) and the conversation list.
import { el, replace, time } from './dom.js';

/** Inbox buttons; the first, "All inboxes", has no id. onSelect(inboxId | null). */
export function renderInboxes(container, overview, selected, status, onSelect) {
  const all = overview.inboxes.reduce((sum, inbox) => sum + inbox.counts[status], 0);
  const item = (id, name, count, webhook) => el('li', {},
    el('button', { type: 'button', 'aria-current': String(selected === id), dataset: { inboxId: id ?? '' }, onclick: () => onSelect(id) },
      el('span', { class: 'inbox-name' }, name),
      el('span', { class: 'inbox-count' }, count)),
    webhook === undefined ? null : el('span', { class: 'inbox-webhook', title: webhook || '' },
      webhook ? '↪ ' + webhook : 'no webhook_url'));
  replace(container,
    item(null, 'All inboxes', all),
    overview.inboxes.map(inbox => item(inbox.id, inbox.name, inbox.counts[status], inbox.webhook_url)));
}

/** One button per conversation, newest activity first. onOpen(displayId). */
export function renderConversationList(container, list, openId, onOpen) {
  if (list.conversations.length === 0) {
    replace(container, el('li', { class: 'list-empty' },
      'No conversations here yet. Create one through the API (',
      el('code', {}, 'POST /api/v1/accounts/1/conversations'),
      ') and it appears at once.'));
    return;
  }
  replace(container, list.conversations.map(c => el('li', {
    'aria-current': String(c.id === openId), dataset: { conversationId: c.id },
  }, el('button', { type: 'button', onclick: () => onOpen(c.id) },
    el('div', { class: 'conv-top' },
      el('span', { class: 'conv-name' }, contactName(c.contact), ' ', el('span', { class: 'conv-id' }, '#' + c.id)),
      c.unread_count > 0 && el('span', { class: 'unread', title: 'unread incoming messages' }, c.unread_count),
      el('span', { class: 'conv-time' }, time(c.last_activity_at))),
    el('div', { class: 'conv-preview' }, preview(c.last_message)),
    el('div', { class: 'conv-tags' },
      el('span', { class: 'badge ' + c.status }, c.status),
      c.priority && el('span', { class: 'badge priority' }, c.priority),
      c.assignee ? el('span', {}, '→ ' + c.assignee.name) : el('span', {}, 'unassigned'),
      c.labels.map(label => el('span', { class: 'chip' }, label)))))));
}

export function contactName(contact) {
  return contact.name || contact.email || contact.phone_number || contact.identifier || 'Contact ' + contact.id;
}

function preview(message) {
  if (!message) return 'No messages yet';
  const who = message.message_type === 'incoming' ? '' : message.private ? 'Note: ' : 'You: ';
  return who + (message.content ?? '(attachment)');
}
