// The dashboard: state, loading (batched, so a burst of changes costs one refetch), live updates, actions.
import * as api from './api.js';
import { el, replace } from './dom.js';
import { renderInboxes, renderConversationList } from './conversations.js';
import { renderHead, renderMessages } from './chat.js';
import { renderDeliveries } from './deliveries.js';

const MAX_DELIVERIES = 500;
// ?live=off opens no event stream, for a one-off screenshot: the stream is a request that never
// ends, and Chromium's --virtual-time-budget waits for open requests, so it would never shoot.
const LIVE = new URLSearchParams(location.search).get('live') !== 'off';
const $ = id => document.getElementById(id);

const state = {
  overview: null,
  inboxId: null,
  status: 'all',
  list: { total: 0, conversations: [] },
  openId: idFromHash(),
  thread: null,
  deliveries: [],
  lastDeliveryId: 0,
  deliveryEpoch: 0, // bumped when the journal is cleared: a fetch begun before then is dropped
  expanded: new Set(),
  details: new Map(),
  onlyOpen: false,
  onlyFailed: false,
  mode: 'reply',
};

// ---- loading: parts are marked stale, then fetched together and rendered once ----
const PARTS = ['overview', 'list', 'thread', 'deliveries'];
const stale = new Set();
const loaded = new Set(); // parts that have data (or, for the thread, know there is none to show)
let flushing = false;

function refresh(...parts) {
  parts.forEach(part => stale.add(part));
  if (!flushing) {
    flushing = true;
    setTimeout(flush, 20);
  }
}

async function flush() {
  try {
    while (stale.size > 0) {
      const parts = [...stale];
      stale.clear();
      await Promise.all(parts.map(part => load(part).then(() => loaded.add(part), showError)));
      render();
    }
  } finally {
    flushing = false;
  }
}

async function load(part) {
  switch (part) {
    case 'overview':
      state.overview = await api.get('/overview');
      break;
    case 'list': {
      const query = new URLSearchParams({ status: state.status, limit: 200 });
      if (state.inboxId !== null) query.set('inbox_id', state.inboxId);
      state.list = await api.get('/conversations?' + query);
      break;
    }
    case 'thread':
      state.thread = state.openId === null ? null : await loadThread(state.openId, state.thread);
      break;
    case 'deliveries': {
      const epoch = state.deliveryEpoch;
      const page = await api.get('/deliveries?after=' + state.lastDeliveryId);
      if (epoch !== state.deliveryEpoch) return;
      addDeliveries(page);
      break;
    }
  }
}

function addDeliveries(page) {
  state.deliveries.push(...page.deliveries);
  state.deliveries.splice(0, Math.max(0, state.deliveries.length - MAX_DELIVERIES));
  if (page.deliveries.length > 0) state.lastDeliveryId = page.deliveries.at(-1).id;
}

/**
 * The first state, inlined by the server into the page (absent when the admin token is required
 * and the page was opened without it): rendered now, before the load event, so a screenshot of the
 * page shows data. Answers the parts it holds.
 */
function useInitialState() {
  const script = document.getElementById('initial-state');
  if (!script) return [];
  const initial = JSON.parse(script.textContent);
  state.overview = initial.overview;
  state.list = initial.conversations;
  addDeliveries(initial.deliveries);
  const parts = ['overview', 'list', 'deliveries'];
  if (state.openId === null) parts.push('thread'); // no conversation open: nothing to fetch
  parts.forEach(part => loaded.add(part));
  render();
  return parts;
}

/**
 * The open conversation with its newest page of messages (the server sends the newest 100); older
 * pages the user loaded stay when the new page joins up with what was shown.
 */
async function loadThread(id, shown) {
  let page;
  try {
    page = await api.get('/conversations/' + id);
  } catch (error) {
    if (error.status !== 404) throw error;
    state.openId = null;
    return null;
  }
  const thread = { conversation: page.conversation, messages: page.messages, hasOlder: page.has_older };
  if (!shown || shown.conversation.id !== id || !page.has_older || page.messages.length === 0) return thread;
  const first = page.messages[0].id;
  const older = shown.messages.filter(m => m.id < first);
  // Joined up: something shown is at or after the new page's first message, so nothing is missing between.
  if (older.length > 0 && shown.messages.some(m => m.id >= first)) {
    thread.messages = older.concat(page.messages);
    thread.hasOlder = shown.hasOlder;
  }
  return thread;
}

/** "Load older": the page of messages before the first one shown, kept in view where the reader is. */
async function loadOlder() {
  const thread = state.thread;
  if (!thread || !thread.hasOlder || thread.messages.length === 0) return;
  const id = thread.conversation.id;
  const page = await api.get(`/conversations/${id}?before_id=${thread.messages[0].id}`);
  const current = state.thread;
  if (!current || current.conversation.id !== id || current.messages.length === 0) return;
  const first = current.messages[0].id;
  current.messages = page.messages.filter(m => m.id < first).concat(current.messages);
  current.hasOlder = page.has_older;
  const messages = $('messages');
  const fromBottom = messages.scrollHeight - messages.scrollTop;
  render();
  messages.scrollTop = messages.scrollHeight - fromBottom;
}

function forgetDeliveries() {
  state.deliveryEpoch++;
  state.deliveries = [];
  state.lastDeliveryId = 0;
  state.expanded.clear();
  state.details.clear();
}

// ---- rendering ----
function render() {
  const overview = state.overview;
  if (!overview) return;
  $('account').replaceChildren('Account ', el('strong', {}, `${overview.account.name} (#${overview.account.id})`));
  $('clock').textContent = overview.now.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  renderActAs(overview.members);
  renderInboxes($('inboxes'), overview, state.inboxId, state.status, selectInbox);
  $('conversation-total').textContent = state.list.total === state.list.conversations.length
    ? String(state.list.total) : `${state.list.conversations.length} of ${state.list.total}`;
  for (const tab of $('status-tabs').children) tab.setAttribute('aria-selected', String(tab.dataset.status === state.status));
  renderConversationList($('conversation-list'), state.list, state.openId, openConversation);
  renderThread(overview);
  const shown = state.deliveries.filter(d => (!state.onlyOpen || d.conversation_id === state.openId)
    && (!state.onlyFailed || !d.succeeded));
  renderDeliveries($('delivery-list'), shown, state.expanded, state.details, toggleDelivery,
    state.onlyOpen || state.onlyFailed);
  // For tests and screenshots to wait on: every pane has shown real data once.
  if (PARTS.every(part => loaded.has(part))) document.body.dataset.ready = 'true';
}

function renderActAs(members) {
  const select = $('act-as');
  const current = select.value;
  if (select.options.length !== members.length) {
    replace(select, members.map(m => el('option', { value: m.email }, `${m.name} (${m.role})`)));
    if (current) select.value = current;
  }
}

function renderThread(overview) {
  const thread = state.thread;
  $('chat-empty').hidden = thread !== null;
  $('chat-view').hidden = thread === null;
  if (thread === null) return;
  const c = thread.conversation;
  renderHead($('chat-head'), c, overview);
  const toggle = $('toggle-status');
  toggle.textContent = c.status === 'resolved' ? 'Reopen' : 'Resolve';
  toggle.dataset.action = c.status === 'resolved' ? 'reopen' : 'resolve';
  const assignee = $('assignee');
  if (document.activeElement !== assignee) {
    replace(assignee, el('option', { value: '' }, 'Unassigned'),
      overview.members.map(m => el('option', { value: m.email }, m.name)));
    assignee.value = c.assignee && c.assignee.type === 'user' ? c.assignee.email : '';
  }
  const messages = $('messages');
  const atBottom = messages.dataset.conversationId !== String(c.id)
    || messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
  renderMessages(messages, thread.messages, thread.hasOlder, () => loadOlder().catch(showError));
  messages.dataset.conversationId = c.id;
  if (atBottom) messages.scrollTop = messages.scrollHeight;
  const actor = $('act-as').selectedOptions[0];
  $('composer-hint').textContent = actor ? `as ${actor.textContent}` : '';
}

// ---- user actions ----
function selectInbox(id) {
  state.inboxId = id;
  refresh('list');
}

function openConversation(id) {
  state.openId = id;
  history.replaceState(null, '', '#/conversations/' + id);
  refresh('thread');
  render();
}

function idFromHash() {
  const match = /^#\/conversations\/(\d+)$/.exec(location.hash);
  return match ? Number(match[1]) : null;
}

async function toggleDelivery(id) {
  if (state.expanded.delete(id)) {
    render();
    return;
  }
  state.expanded.add(id);
  render();
  if (!state.details.has(id)) {
    try {
      state.details.set(id, await api.get('/deliveries/' + id));
    } catch (error) {
      state.expanded.delete(id);
      showError(error);
    }
    render();
  }
}

/** Runs an agent action on the open conversation as the member chosen in "Act as". */
async function act(action, body = {}) {
  const id = state.openId;
  await api.act(id, action, { ...body, agent: $('act-as').value || undefined });
  refresh('thread', 'list', 'overview');
}

async function send(event) {
  event.preventDefault();
  const text = $('composer-text');
  const content = text.value.trim();
  if (!content || state.openId === null) return;
  const button = $('send');
  button.disabled = true;
  try {
    await act(state.mode === 'note' ? 'note' : 'reply', { content });
    text.value = '';
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
    text.focus();
  }
}

function setMode(mode) {
  state.mode = mode;
  $('composer').dataset.mode = mode;
  $('composer-text').placeholder = mode === 'note'
    ? 'Write a private note, only agents see it… (Ctrl+Enter sends)' : 'Write a reply… (Ctrl+Enter sends)';
  $('send').textContent = mode === 'note' ? 'Add note' : 'Send';
}

let toastTimer;
function showError(error) {
  const toast = $('toast');
  toast.textContent = error.message || String(error);
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.hidden = true; }, 6000);
}

function wire() {
  $('status-tabs').addEventListener('click', event => {
    const status = event.target.dataset.status;
    if (!status) return;
    state.status = status;
    refresh('list');
    render();
  });
  $('composer').addEventListener('submit', send);
  $('composer-text').addEventListener('keydown', event => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('composer').requestSubmit();
  });
  $('mode-reply').addEventListener('click', () => setMode('reply'));
  $('mode-note').addEventListener('click', () => setMode('note'));
  $('toggle-status').addEventListener('click', event => act(event.target.dataset.action).catch(showError));
  $('assignee').addEventListener('change', event => {
    const assignee = event.target.value;
    (assignee ? act('assign', { assignee }) : act('unassign')).catch(showError);
    event.target.blur();
  });
  $('act-as').addEventListener('change', render);
  $('only-open').addEventListener('change', event => {
    state.onlyOpen = event.target.checked;
    render();
  });
  $('only-failed').addEventListener('change', event => {
    state.onlyFailed = event.target.checked;
    render();
  });
  window.addEventListener('hashchange', () => {
    const id = idFromHash();
    if (id !== null && id !== state.openId) openConversation(id);
  });
}

function connect() {
  const liveState = $('live');
  api.live({
    // Sent on every (re)connect: anything may have changed while the stream was down, even the
    // process (a restarted simulator numbers its deliveries from 1 again).
    hello: () => {
      forgetDeliveries();
      refresh('overview', 'list', 'thread', 'deliveries');
    },
    change: data => {
      refresh('overview', 'list');
      if (data.other || data.conversations.includes(state.openId)) refresh('thread');
    },
    delivery: () => refresh('deliveries'),
    journal_cleared: () => {
      forgetDeliveries();
      refresh('deliveries');
    },
    reset: () => {
      forgetDeliveries();
      refresh('overview', 'list', 'thread', 'deliveries');
    },
  }, status => {
    liveState.dataset.state = status;
    $('live-text').textContent = status === 'live' ? 'Live'
      : status === 'closed' ? 'Not live: reload the page (with ?admin_token= if asked)' : 'Reconnecting…';
  });
}

wire();
setMode('reply');
const inlined = useInitialState();
if (LIVE) {
  connect();
} else {
  $('live').dataset.state = 'off';
  $('live-text').textContent = 'Not live (live=off)';
}
refresh(...PARTS.filter(part => !inlined.includes(part)));
