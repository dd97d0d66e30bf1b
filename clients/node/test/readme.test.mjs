// The README's node:test example (the first js block of its "## Node" section), run as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const readme = fs.readFileSync(path.join(packageDir, '..', '..', 'README.md'), 'utf8');

test("the README's node:test example passes", { timeout: 120_000 }, () => {
  const section = readme.slice(readme.indexOf('\n## Node\n'));
  const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(example?.includes("from 'bevatel-simulator'"), 'the example imports the package');
  // Inside the package's folder, where its own name resolves to it (Node's package self-reference).
  const dir = fs.mkdtempSync(path.join(packageDir, '.readme-'));
  try {
    fs.writeFileSync(path.join(dir, 'example.mjs'), example);
    // Not as a child of this runner (which would make it report to this one in its own protocol).
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', path.join(dir, 'example.mjs')], { encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /# pass 2\n/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
