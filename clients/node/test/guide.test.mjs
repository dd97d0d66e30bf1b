// The package as a user's node:test suite uses it: one simulator for the file, reset before each test.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DeliveryTimeoutError, SimulatorError, startSimulator } from 'bevatel-simulator';

describe('the guide flow against the simulator', () => {
  let sim;
  before(async () => {
    sim = await startSimulator({ accessToken: 'dev-token', webhookSink: 'inbox' });
  });
  after(() => sim.stop());
  beforeEach(() => sim.reset());

  /** The guide: a contact in the API inbox, its source_id, a conversation with it. */
  async function openConversation(name = 'Alice') {
    const contact = await sim.api('/api/v1/accounts/1/contacts', { body: { inbox_id: sim.apiInbox.id, name } });
    const sourceId = contact.payload.contact_inbox.source_id;
    const conversation = await sim.api('/api/v1/accounts/1/conversations', { body: { source_id: sourceId, inbox_id: sim.apiInbox.id } });
    return { contact: contact.payload.contact, sourceId, conversation };
  }

  test('contact, source_id, conversation, messages', async () => {
    const { contact, sourceId, conversation } = await openConversation();
    assert.equal(contact.id, 1);
    assert.match(sourceId, /^[0-9a-f-]{36}$/);
    assert.equal(conversation.id, 1);
    assert.equal(conversation.status, 'open');
    const incoming = await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}/messages`,
      { body: { content: 'Hi, my order is late', message_type: 'incoming' } });
    const outgoing = await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}/messages`, { body: { content: 'On its way' } });
    assert.equal(incoming.message_type, 0);
    assert.equal(outgoing.message_type, 1);
    const messages = await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}/messages`);
    assert.deepEqual(messages.payload.map((m) => m.content), ['Hi, my order is late', 'On its way']);
  });

  test("a webhook is awaited, and its signature verifies with the inbox's secret", async () => {
    const { conversation } = await openConversation();
    await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}/messages`, { body: { content: 'Signed?', message_type: 'incoming' } });
    const delivery = await sim.waitForDelivery({ event: 'message_created', conversationId: conversation.id, receiver: `api_inbox:${sim.apiInbox.id}` });
    assert.equal(delivery.payload.content, 'Signed?');
    assert.equal(delivery.succeeded, true);
    assert.equal(delivery.url, sim.sinks.url('inbox'));
    const { secret } = await sim.api(`/api/v1/accounts/1/inboxes/${sim.apiInbox.id}`);
    assert.equal(sim.verifySignature(delivery, secret), true);
    assert.equal(sim.verifySignature({ ...delivery, request_body: delivery.request_body.replace('Signed?', 'Forged!') }, secret), false);
    assert.equal(sim.verifySignature(delivery, 'another secret'), false);
  });

  test('an account webhook to a sink, signed with its own secret; waits see only what is new', async () => {
    const { payload } = await sim.api('/api/v1/accounts/1/webhooks', { body: { url: sim.sinks.url('crm'), subscriptions: ['message_created'] } });
    const { conversation } = await openConversation();
    const receiver = `account_webhook:${payload.webhook.id}`;
    await sim.agent().reply(conversation.id, 'First');
    const first = await sim.waitForDelivery({ receiver, event: 'message_created' });
    await sim.agent().reply(conversation.id, 'Second');
    const second = await sim.waitForDelivery({ receiver, event: 'message_created', sinceId: first.id });
    assert.equal(first.payload.content, 'First');
    assert.equal(second.payload.content, 'Second');
    assert.equal(second.payload.sender.type, 'user');
    assert.equal(sim.verifySignature(second, payload.webhook.secret), true);
    assert.equal((await sim.sinks.get('crm')).received, 2);
  });

  test('a wait that times out rejects with what matched', async () => {
    await openConversation();
    await assert.rejects(sim.waitForDeliveries({ event: 'conversation_created', count: 2 }, 300), (error) => {
      assert.ok(error instanceof DeliveryTimeoutError);
      assert.equal(error.status, 408);
      assert.deepEqual(error.deliveries.map((d) => d.event), ['conversation_created']);
      assert.match(error.message, /1 matched: #\d+ conversation_created/);
      return true;
    });
  });

  test('a fault answers 429 once, then the API recovers', async () => {
    const { conversation } = await openConversation();
    const path = `/api/v1/accounts/1/conversations/${conversation.id}/messages`;
    await sim.faults.inject({ method: 'POST', path: '/api/v1/accounts/*/conversations/*/messages', status: 429, retry_after: 1, times: 1 });
    const refused = await sim.fetch(path, { method: 'POST', body: { content: 'Hello?' } });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '1');
    const message = await sim.api(path, { body: { content: 'Hello?' } });
    assert.equal(message.content, 'Hello?');
    assert.equal((await sim.faults.log()).length, 1);
  });

  test("errors carry the simulator's status and message", async () => {
    await assert.rejects(sim.api('/api/v1/accounts/1/conversations/99'), (error) => {
      assert.ok(error instanceof SimulatorError);
      assert.equal(error.status, 404);
      assert.equal(error.path, '/api/v1/accounts/1/conversations/99');
      return true;
    });
    await assert.rejects(sim.faults.inject({ path: '/api/**' }), (error) => error.status === 422 && /give status/.test(error.message));
  });

  test('reset between tests: ids start again', async () => {
    const before = await openConversation('Bob');
    await sim.reset();
    const after = await openConversation('Carol');
    assert.equal(before.conversation.id, 1);
    assert.equal(after.conversation.id, 1);
    assert.equal(after.contact.id, 1);
    const created = await sim.waitForDeliveries({ event: 'conversation_created' });
    assert.deepEqual(created.map((d) => d.payload.meta.sender.name), ['Carol'], "the journal was emptied: Bob's is gone");
    assert.deepEqual(await sim.deliveries({ event: 'conversation_created', sinceId: created[0].id }), []);
  });

  test('a receiver that is down, the agent and the clock', async () => {
    await sim.sinks.set('inbox', { status: 503 });
    const { conversation } = await openConversation();
    const clockBefore = await sim.clock.now();
    assert.equal(await sim.clock.advance('PT1H'), new Date(Date.parse(clockBefore) + 3_600_000).toISOString().replace('.000', ''));
    await sim.agent('Bevatel Admin').resolve(conversation.id);
    const failed = await sim.waitForDelivery({ status: 'failure', event: 'conversation_status_changed' });
    assert.equal(failed.response_status, 503);
    assert.equal((await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}`)).status, 'resolved');
  });
});
