'use strict';

const fs = require('node:fs');
const { SimulatorError, DeliveryTimeoutError } = require('./errors.cjs');
const { verifySignature } = require('./signature.cjs');

/** The admin API's longest single wait; longer waits are made of several. */
const MAX_WAIT_MS = 50_000;
const STOP_GRACE_MS = 10_000;

/** Query parameters of the deliveries list, from the filter's camelCase names. */
function deliveryQuery(filter = {}) {
  const names = { event: 'event', conversationId: 'conversation_id', receiver: 'receiver', status: 'status',
    sinceId: 'since_id', limit: 'limit', order: 'order', count: 'count' };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || key === 'bodies') continue;
    if (!(key in names)) throw new TypeError(`unknown delivery filter '${key}'; known: ${Object.keys(names).join(', ')}, bodies`);
    query.set(names[key], String(value));
  }
  query.set('bodies', String(filter.bodies ?? true));
  return query;
}

/** A started simulator: its address and token, the admin API's calls, and stop(). */
class Simulator {
  /**
   * @param {{child: import('node:child_process').ChildProcess, ready: any, exited: Promise<any>, output: () => string, dir: string}} launched
   */
  constructor(launched) {
    const { child, ready } = launched;
    this.baseUrl = ready.base_url;
    this.port = ready.port;
    this.accessToken = ready.access_token;
    this.accountId = ready.account_id;
    this.apiInbox = { id: ready.api_inbox.id, identifier: ready.api_inbox.inbox_identifier };
    this.pid = child.pid;
    this.version = ready.version;
    this.ready = ready;
    this.adminToken = ready.admin_token;
    this._child = child;
    this._exited = launched.exited;
    this._output = launched.output;
    this._dir = launched.dir;
    this._stopping = null;

    this.faults = {
      inject: (rule) => this.admin('POST', '/faults', rule),
      list: async () => (await this.admin('GET', '/faults')).rules,
      remove: (id) => this.admin('DELETE', `/faults/${id}`),
      clear: () => this.admin('DELETE', '/faults'),
      log: async ({ sinceId } = {}) => (await this.admin('GET', `/faults/log${sinceId === undefined ? '' : `?since_id=${sinceId}`}`)).injected,
      clearLog: () => this.admin('DELETE', '/faults/log'),
    };
    this.sinks = {
      url: (name) => `${this.baseUrl}/_simulator/sink/${encodeURIComponent(name)}`,
      set: (name, { status, delayMs } = {}) => this.admin('PUT', `/sinks/${encodeURIComponent(name)}`,
        { status, delay_ms: delayMs }),
      get: (name) => this.admin('GET', `/sinks/${encodeURIComponent(name)}`),
      list: async () => (await this.admin('GET', '/sinks')).sinks,
      reset: (name) => this.admin('POST', `/sinks/${encodeURIComponent(name)}/reset`),
    };
    this.clock = {
      now: async () => (await this.admin('GET', '/clock')).now,
      /** @param {number | string} by seconds, or an ISO-8601 duration such as `PT1H` */
      advance: async (by) => (await this.admin('POST', '/clock', typeof by === 'number' ? { advance_seconds: by } : { advance: by })).now,
      set: async (instant) => (await this.admin('POST', '/clock', { now: instant instanceof Date ? instant.toISOString() : instant })).now,
    };
  }

  /**
   * The dashboard's actions as `agent` (a member's name or email; the seeded administrator when omitted).
   *
   * @param {string} [agent]
   */
  agent(agent) {
    const act = (conversationId, action, body = {}) =>
      this.admin('POST', `/agent/conversations/${conversationId}/${action}`, agent === undefined ? body : { agent, ...body });
    return {
      reply: (conversationId, content) => act(conversationId, 'reply', { content }),
      note: (conversationId, content) => act(conversationId, 'note', { content }),
      resolve: (conversationId) => act(conversationId, 'resolve'),
      reopen: (conversationId) => act(conversationId, 'reopen'),
      pending: (conversationId) => act(conversationId, 'pending'),
      snooze: (conversationId, until) => act(conversationId, 'snooze', { snoozed_until: until instanceof Date ? until.toISOString() : until }),
      assign: (conversationId, assignee) => act(conversationId, 'assign', { assignee }),
      unassign: (conversationId) => act(conversationId, 'unassign'),
      assignTeam: (conversationId, team) => act(conversationId, 'assign_team', { team }),
      priority: (conversationId, priority) => act(conversationId, 'priority', { priority }),
      labels: (conversationId, labels) => act(conversationId, 'labels', { labels }),
      typing: (conversationId, typingStatus) => act(conversationId, 'typing', { typing_status: typingStatus }),
      messageStatus: (conversationId, messageId, status, externalError) =>
        act(conversationId, `messages/${messageId}/status`, { status, external_error: externalError }),
    };
  }

  /**
   * Back to the start: the seeded world (ids from 1 again), journal, faults and sinks cleared.
   *
   * @param {{keep?: ('faults' | 'sinks')[]}} [options]
   */
  reset({ keep } = {}) {
    return this.admin('POST', `/reset${keep?.length ? `?keep=${keep.join(',')}` : ''}`);
  }

  /**
   * The journal's deliveries that match, oldest first, with headers and bodies unless `bodies: false`.
   *
   * @param {import('../index').DeliveryFilter} [filter]
   */
  async deliveries(filter = {}) {
    return (await this.admin('GET', `/deliveries?${deliveryQuery(filter)}`)).deliveries;
  }

  /**
   * Waits until `filter.count` (default 1) deliveries match and answers them all; rejects with a
   * DeliveryTimeoutError holding what matched after `timeoutMs`.
   *
   * @param {import('../index').DeliveryFilter & {count?: number}} [filter]
   * @param {number} [timeoutMs]
   */
  async waitForDeliveries(filter = {}, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = Math.max(0, deadline - Date.now());
      const query = deliveryQuery(filter);
      query.set('timeout_ms', String(Math.min(left, MAX_WAIT_MS)));
      const path = `/deliveries/wait?${query}`;
      const { status, body } = await this.request('GET', `/_simulator${path}`, undefined, { admin: true, accept: [200, 408] });
      if (status === 200) {
        return body.deliveries;
      }
      if (Date.now() >= deadline) {
        throw new DeliveryTimeoutError(`/_simulator${path}`, filter.count ?? 1, timeoutMs, body);
      }
    }
  }

  /**
   * The first (oldest) delivery that matches, once there is one.
   *
   * @param {import('../index').DeliveryFilter} [filter]
   * @param {number} [timeoutMs]
   */
  async waitForDelivery(filter = {}, timeoutMs = 10_000) {
    return (await this.waitForDeliveries({ ...filter, count: 1 }, timeoutMs))[0];
  }

  /** @param {any} delivery @param {string} secret */
  verifySignature(delivery, secret) {
    return verifySignature(delivery, secret);
  }

  /**
   * A call to the API with the administrator's token (or `init.token`); resolves to the parsed JSON,
   * rejects with a SimulatorError on a status that is not 2xx.
   *
   * @param {string} path e.g. `/api/v1/accounts/1/contacts`
   * @param {{method?: string, body?: any, token?: string, headers?: Record<string, string>}} [init]
   */
  async api(path, init = {}) {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    return (await this.request(method, path, init.body, { token: init.token ?? this.accessToken, headers: init.headers })).body;
  }

  /**
   * fetch() on the simulator with the administrator's `api_access_token`, for a test that wants the
   * raw Response (a status, a header).
   *
   * @param {string} path
   * @param {RequestInit & {token?: string}} [init]
   */
  fetch(path, init = {}) {
    const { token, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has('api_access_token')) headers.set('api_access_token', token ?? this.accessToken);
    if (rest.body !== undefined && typeof rest.body !== 'string' && !(rest.body instanceof Uint8Array) && !(rest.body instanceof FormData)) {
      rest.body = JSON.stringify(rest.body);
    }
    if (typeof rest.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(this.baseUrl + path, { ...rest, headers });
  }

  /**
   * A call to the admin API (`/_simulator` + path), with the admin token when there is one.
   *
   * @param {string} method
   * @param {string} path e.g. `/faults`
   * @param {any} [body]
   */
  async admin(method, path, body) {
    return (await this.request(method, `/_simulator${path}`, body, { admin: true })).body;
  }

  /** @private */
  async request(method, path, body, { token, admin, headers = {}, accept } = {}) {
    const sent = { ...headers };
    if (token) sent.api_access_token = token;
    if (admin && this.adminToken) sent['X-Simulator-Admin-Token'] = this.adminToken;
    if (body !== undefined) sent['Content-Type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    if (accept ? !accept.includes(response.status) : !response.ok) {
      throw new SimulatorError(method, path, response.status, parsed);
    }
    return { status: response.status, body: parsed };
  }

  /** What the process printed lately (standard output and error). */
  output() {
    return this._output();
  }

  /**
   * Stops the process: SIGTERM (it saves a --state file and exits 0), SIGKILL if it has not exited
   * after `graceMs`. Safe to call more than once: every call waits for the same exit.
   *
   * @param {{graceMs?: number}} [options]
   * @returns {Promise<{code: number | null, signal: string | null}>}
   */
  stop({ graceMs = STOP_GRACE_MS } = {}) {
    if (!this._stopping) {
      this._stopping = (async () => {
        if (this._child.exitCode === null && this._child.signalCode === null) {
          this._child.kill('SIGTERM');
          const timer = setTimeout(() => this._child.kill('SIGKILL'), graceMs);
          try {
            await this._exited;
          } finally {
            clearTimeout(timer);
          }
        }
        fs.rmSync(this._dir, { recursive: true, force: true });
        return this._exited;
      })();
    }
    return this._stopping;
  }
}

module.exports = { Simulator };
