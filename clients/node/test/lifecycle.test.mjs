// Starting and stopping: no process is left, a failed start says why, both module systems see one package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'bevatel-simulator';
import { SimulatorStartError, startSimulator } from 'bevatel-simulator';

const require = createRequire(import.meta.url);

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== 'ESRCH';
  }
};

test('stop() ends the process (exit code 0) and can be called again', async () => {
  const sim = await startSimulator();
  assert.equal(alive(sim.pid), true);
  assert.equal(sim.ready.pid, sim.pid);
  const [first, second] = await Promise.all([sim.stop(), sim.stop()]);
  assert.deepEqual(first, { code: 0, signal: null });
  assert.deepEqual(second, first);
  assert.equal(alive(sim.pid), false);
  assert.deepEqual(await sim.stop(), first);
  await assert.rejects(fetch(`${sim.baseUrl}/_simulator/health`));
});

test('options become flags: fixtures as an object, an agent bot on a sink, an admin token', async () => {
  const sim = await startSimulator({
    seed: 7,
    accessToken: 'T',
    adminToken: 'admin-secret',
    startTime: new Date('2030-05-01T00:00:00Z'),
    clockStep: 0,
    agentBots: [{ name: 'Echo Bot', token: 'echo-token', sink: 'bot', servesApiInbox: true }],
    fixtures: { contacts: [{ id: 7, name: 'Fixture Fiona', email: 'fiona@example.com' }] },
  });
  try {
    assert.equal(sim.accessToken, 'T');
    assert.equal(await sim.clock.now(), '2030-05-01T00:00:00Z');
    assert.equal((await sim.api('/api/v1/accounts/1/contacts/7')).payload.name, 'Fixture Fiona');
    const anonymous = await fetch(`${sim.baseUrl}/_simulator/deliveries`);
    assert.equal(anonymous.status, 401, 'the admin API wants the token, which the package sends');
    const bot = (await sim.api('/api/v1/accounts/1/agent_bots'))[0];
    assert.equal(bot.outgoing_url, sim.sinks.url('bot'));
    await sim.api('/api/v1/accounts/1/contacts', { body: { inbox_id: 1, name: 'Alice' } });
    const conversation = await sim.api('/api/v1/accounts/1/conversations', { body: { inbox_id: 1, contact_id: 8 } });
    assert.equal(conversation.status, 'pending');
    await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}/messages`, { body: { content: 'Hi bot', message_type: 'incoming' } });
    const toBot = await sim.waitForDelivery({ receiver: `agent_bot:${bot.id}` });
    assert.equal(sim.verifySignature(toBot, bot.secret), true);
    await sim.api(`/api/v1/accounts/1/conversations/${conversation.id}/messages`, { token: 'echo-token', body: { content: 'Echo: Hi bot' } });
  } finally {
    await sim.stop();
  }
});

test('a start that fails rejects with what the jar said, and leaves no process', async () => {
  await assert.rejects(startSimulator({ fixtures: { contacts: [{ name: 'Alice', emial: 'typo@example.com' }] } }), (error) => {
    assert.ok(error instanceof SimulatorStartError);
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /cannot start: .*emial/);
    return true;
  });
  await assert.rejects(startSimulator({ args: ['--no-such-flag'] }), (error) => error.exitCode === 2 && /no-such-flag/.test(error.output));
  await assert.rejects(startSimulator({ jar: '/nowhere/bevatel-simulator.jar' }), /no simulator jar: looked for \/nowhere/);
  await assert.rejects(startSimulator({ java: '/nowhere/java' }), /could not run \/nowhere\/java/);
});

test('require() and import see the same package', () => {
  const cjs = require('bevatel-simulator');
  assert.equal(cjs.startSimulator, esm.startSimulator);
  assert.equal(cjs.SimulatorError, esm.SimulatorError);
  assert.equal(esm.signatureOf('secret', 1767225600, '{}'), cjs.signatureOf('secret', 1767225600, '{}'));
});
