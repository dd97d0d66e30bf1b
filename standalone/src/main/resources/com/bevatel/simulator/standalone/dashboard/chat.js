// The middle pane: the open conversation's header, actions and messages as a chat.
import { el, replace, time } from './dom.js';
import { contactName } from './conversations.js';

export function renderHead(container, conversation, overview) {
  const inbox = overview.inboxes.find(i => i.id === conversation.inbox_id);
  const contact = conversation.contact;
  const details = [contact.email, contact.phone_number, contact.identifier].filter(Boolean).join(' · ');
  replace(container,
    el('div', { class: 'chat-title' },
      el('h1', { id: 'chat-title' }, contactName(contact)),
      el('span', { class: 'conv-id' }, '#' + conversation.id),
      el('span', { class: 'badge ' + conversation.status, id: 'chat-status' }, conversation.status),
      conversation.priority && el('span', { class: 'badge priority' }, conversation.priority + ' priority')),
    el('div', { class: 'chat-sub' },
      details && el('span', {}, details),
      el('span', {}, 'Inbox ', el('strong', {}, inbox ? inbox.name : '#' + conversation.inbox_id)),
      el('span', {}, 'Assignee ', el('strong', { id: 'chat-assignee' },
        conversation.assignee ? conversation.assignee.name : 'none')),
      conversation.team && el('span', {}, 'Team ', el('strong', {}, conversation.team)),
      conversation.labels.length > 0 && el('span', {}, conversation.labels.map(l => el('span', { class: 'chip' }, l))),
      conversation.can_reply ? null : el('span', { class: 'failed' }, 'reply window closed')),
    contactNotes(contact));
}

// What agents wrote about the contact (GET /contacts/{id}/notes), newest first; the thread carries the newest few.
function contactNotes(contact) {
  const notes = contact.notes || [];
  if (notes.length === 0) return null;
  const more = contact.notes_count - notes.length;
  return el('ul', { class: 'contact-notes', id: 'contact-notes', 'aria-label': 'Notes on the contact' },
    notes.map(n => el('li', { dataset: { noteId: n.id } },
      el('span', { class: 'note-content' }, n.content),
      el('span', { class: 'note-meta' }, n.author || 'former member', ' · ', time(n.created_at)))),
    more > 0 && el('li', { class: 'note-meta' }, `and ${more} older`));
}

/**
 * Messages oldest first: incoming left, outgoing right, notes highlighted, activity centred; with
 * hasOlder, a "Load older" button above them (onLoadOlder()).
 */
export function renderMessages(container, messages, hasOlder, onLoadOlder) {
  if (messages.length === 0) {
    replace(container, el('li', { class: 'empty-state' }, 'No messages yet.'));
    return;
  }
  replace(container,
    hasOlder && el('li', { class: 'load-older' },
      el('button', { type: 'button', class: 'button', id: 'load-older', onclick: onLoadOlder }, 'Load older messages')),
    messages.map(message));
}

function message(m) {
  if (m.message_type === 'activity') {
    return el('li', { class: 'activity', dataset: { messageId: m.id, messageType: 'activity' } },
      m.content, time(m.created_at));
  }
  const kind = m.private ? 'note' : m.message_type;
  return el('li', { class: 'message ' + kind, dataset: { messageId: m.id, messageType: kind, status: m.status } },
    m.private && el('span', { class: 'note-label' }, 'Private note'),
    el('div', { class: 'bubble' },
      m.content,
      m.attachments.length > 0 && el('div', { class: 'attachments' }, m.attachments.map(a =>
        // No referrer: the file opens on the simulator's own origin, and the page's address is its business.
        el('a', { href: a.data_url, target: '_blank', rel: 'noreferrer noopener' }, `📎 ${a.file_name} (${a.file_type})`)))),
    el('div', { class: 'message-meta' },
      m.sender && el('span', {}, m.sender.name || m.sender.type),
      time(m.created_at),
      showsStatus(m) && status(m)));
}

// An incoming message's status says nothing to an agent, unless the inbox's webhook callback for
// it failed: then, as for an outgoing one, the failure and Chatwoot's external_error show.
function showsStatus(m) {
  if (m.private) return false;
  return m.message_type !== 'incoming' || m.status === 'failed';
}

function status(m) {
  if (m.status === 'failed') {
    return el('span', { class: 'failed', title: m.external_error || '' }, 'failed' + (m.external_error ? ': ' + m.external_error : ''));
  }
  return el('span', {}, m.status);
}
