'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SimulatorStartError } = require('./errors.cjs');

const JAR_NAME = 'bevatel-simulator.jar';
/** Kept of what the process printed, for a failed start's error and `output()`. */
const OUTPUT_LIMIT = 64 * 1024;
const READY_POLL_MS = 10;

/**
 * The jar to run: the `jar` option, else `$BEVATEL_SIMULATOR_JAR`, else the one bundled in this
 * package, else (in a checkout of the repository) the one the Maven build made.
 *
 * @param {string | undefined} option
 * @returns {string}
 */
function findJar(option) {
  const candidates = option ? [option]
    : process.env.BEVATEL_SIMULATOR_JAR ? [process.env.BEVATEL_SIMULATOR_JAR]
      : [path.join(__dirname, '..', 'jar', JAR_NAME), path.join(__dirname, '..', '..', '..', 'standalone', 'target', JAR_NAME)];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new SimulatorStartError(`no simulator jar: looked for ${candidates.join(', ')}. Pass { jar: '/path/to/${JAR_NAME}' }`
      + ' or set BEVATEL_SIMULATOR_JAR (the jar is built by `mvn package` in standalone/target/).', '');
  }
  return path.resolve(found);
}

/**
 * @param {string | undefined} option
 * @returns {string}
 */
function findJava(option) {
  if (option) {
    return option;
  }
  if (process.env.JAVA_HOME) {
    return path.join(process.env.JAVA_HOME, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
  }
  return 'java';
}

/** A duration flag: a number is milliseconds, a string goes as it is (`1s`, `250ms`, `PT1S`). */
const duration = (value) => (typeof value === 'number' ? `${value}ms` : String(value));

/**
 * The options as the jar's flags, after `--port`.
 *
 * @param {import('../index').SimulatorOptions} options
 * @param {string} dir a temporary folder of this start (for fixtures given as an object)
 * @returns {string[]}
 */
function flags(options, dir) {
  const out = [];
  const add = (flag, value) => {
    if (value !== undefined && value !== null) {
      out.push(flag, String(value));
    }
  };
  add('--host', options.host);
  add('--seed', options.seed);
  add('--access-token', options.accessToken);
  add('--start-time', options.startTime instanceof Date ? options.startTime.toISOString() : options.startTime);
  if (options.clockStep !== undefined) add('--clock-step', duration(options.clockStep));
  add('--webhook-url', options.webhookUrl);
  add('--webhook-sink', options.webhookSink);
  if (options.webhookTimeout !== undefined) add('--webhook-timeout', duration(options.webhookTimeout));
  add('--webhook-attempts', options.webhookAttempts);
  if (options.webhookBackoff !== undefined) add('--webhook-backoff', duration(options.webhookBackoff));
  add('--journal-capacity', options.journalCapacity);
  add('--messages-per-minute', options.messagesPerMinute);
  if (options.inboxEvents) out.push('--inbox-events');
  for (const agent of options.agents ?? []) add('--agent', member(agent));
  for (const admin of options.administrators ?? []) add('--administrator', member(admin));
  for (const team of options.teams ?? []) add('--team', `${team.name}:${team.members.join(',')}`);
  for (const bot of options.agentBots ?? []) {
    add('--agent-bot', bot.token ? `${bot.name}:${bot.token}` : bot.name);
    if (bot.url) add('--agent-bot-url', `${bot.name}=${bot.url}`);
    if (bot.sink) add('--agent-bot-sink', `${bot.name}=${bot.sink}`);
    if (bot.servesApiInbox) add('--agent-bot-inbox', bot.name);
  }
  if (options.agentBotRetryWait !== undefined) add('--agent-bot-retry-wait', duration(options.agentBotRetryWait));
  if (options.keepPendingOnBotFailure) out.push('--keep-pending-on-bot-failure');
  if (options.fixtures !== undefined) {
    let file = options.fixtures;
    if (typeof file === 'object') {
      file = path.join(dir, 'fixtures.json');
      fs.writeFileSync(file, JSON.stringify(options.fixtures));
    }
    add('--fixtures', file);
  }
  add('--state', options.state);
  add('--admin-token', options.adminToken);
  out.push(...(options.args ?? []));
  return out;
}

const member = (m) => [m.name, m.email, m.token].filter((part) => part !== undefined).join(':');

/**
 * Spawns the jar and resolves once its ready file is there, with the process and the ready document.
 *
 * @param {import('../index').SimulatorOptions} options
 */
async function launch(options) {
  const jar = findJar(options.jar);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bevatel-simulator-'));
  const readyFile = path.join(dir, 'ready.json');
  const jvm = [...(options.javaOptions ?? [])];
  const archive = jar.replace(/\.jar$/, '.jsa');
  if (options.classDataArchive !== false && fs.existsSync(archive)) {
    // The archive the build made for this jar: a faster start. Made by another JDK, the JVM goes on without it.
    jvm.push(`-XX:SharedArchiveFile=${archive}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off');
  }
  const args = [...jvm, '-jar', jar, '--port', String(options.port ?? 0), '--ready-file', readyFile,
    '--exit-on-stdin-close', ...flags(options, dir)];
  const child = spawn(findJava(options.java), args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  const output = collect(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const spawnFailed = new Promise((resolve) => child.once('error', resolve));
  try {
    const ready = await waitForReadyFile(readyFile, child, exited, spawnFailed, output, options.startTimeoutMs ?? 60_000);
    // Neither the process nor its pipes keep this Node process alive: a runner that ends without stop()
    // closes the simulator's standard input on exit, and --exit-on-stdin-close stops it.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream.unref?.();
    child.stdin.on('error', () => {});
    return { child, ready, exited, output, dir };
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Keeps the last OUTPUT_LIMIT characters of standard output and error together. */
function collect(child) {
  let text = '';
  const keep = (chunk) => {
    text += chunk.toString('utf8');
    if (text.length > OUTPUT_LIMIT) text = text.slice(text.length - OUTPUT_LIMIT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return () => text;
}

async function waitForReadyFile(readyFile, child, exited, spawnFailed, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let outcome = null;
  exited.then((exit) => { outcome = outcome ?? { exit }; });
  spawnFailed.then((error) => { outcome = outcome ?? { error }; });
  while (Date.now() < deadline) {
    if (outcome?.error) {
      throw new SimulatorStartError(`could not run ${child.spawnfile}: ${outcome.error.message}`
        + ' (install a JDK 17 or newer, or pass { java } or set JAVA_HOME)', output());
    }
    const document = readIfThere(readyFile);
    if (document && document.pid === child.pid) {
      return document;
    }
    if (outcome?.exit) {
      // Let the last of its output arrive before quoting it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new SimulatorStartError(`the simulator exited before it was ready (exit code ${outcome.exit.code}`
        + `${outcome.exit.signal ? `, signal ${outcome.exit.signal}` : ''}):`, output(), outcome.exit.code);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new SimulatorStartError(`the simulator was not ready within ${timeoutMs} ms (startTimeoutMs); it printed:`, output());
}

function readIfThere(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

module.exports = { launch, findJar, flags };
