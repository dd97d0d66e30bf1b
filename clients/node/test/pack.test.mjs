// `npm pack` makes a tarball that installs offline into another project and works there with the
// jar it bundles: the way to install the package until it is published.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bevatel-simulator-pack-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

const npm = (args, cwd, env = process.env) => execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('npm pack, install from the tarball offline, start the bundled jar', { timeout: 180_000 }, () => {
  const tarball = path.join(work, npm(['pack', '--pack-destination', work, '--silent'], packageDir).trim().split('\n').pop());
  const consumer = path.join(work, 'consumer');
  fs.mkdirSync(consumer);
  fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', tarball], consumer);

  const installed = path.join(consumer, 'node_modules', 'bevatel-simulator');
  assert.ok(fs.existsSync(path.join(installed, 'jar', 'bevatel-simulator.jar')), 'the jar is bundled');
  assert.ok(!fs.existsSync(path.join(installed, 'test')), 'the tests are not');
  // Without the variable: the bundled jar is the one found.
  const env = { ...process.env };
  delete env.BEVATEL_SIMULATOR_JAR;
  const script = `
    import { startSimulator } from 'bevatel-simulator';
    import { createRequire } from 'node:module';
    const { SimulatorError } = createRequire(import.meta.url)('bevatel-simulator');
    const sim = await startSimulator({ accessToken: 'T' });
    const profile = await sim.api('/api/v1/profile');
    const refused = await sim.api('/api/v1/accounts/1/contacts/1').catch((error) => error);
    const { code } = await sim.stop();
    console.log(JSON.stringify({ token: profile.access_token, refused: refused instanceof SimulatorError && refused.status, code }));`;
  fs.writeFileSync(path.join(consumer, 'check.mjs'), script);
  const printed = execFileSync(process.execPath, ['check.mjs'], { cwd: consumer, env, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(printed), { token: 'T', refused: 404, code: 0 });
});
