// Time from startSimulator() to the first answered request (GET /api/v1/profile), in fresh JVMs:
// `node scripts/startup-benchmark.mjs [runs]` from clients/node, with BEVATEL_SIMULATOR_JAR set (or
// a bundled jar). Alternates runs with and without the class-data archive next to the jar; prints
// median [min … max] of each. Not a test: BENCHMARKS.md says how and when it was run.
import { startSimulator } from 'bevatel-simulator';

const runs = Number(process.argv[2] ?? 15);
const timings = { 'with the archive': [], 'plain java -jar': [] };
for (let run = 0; run < runs; run++) {
  for (const [label, classDataArchive] of [['with the archive', true], ['plain java -jar', false]]) {
    const started = performance.now();
    const sim = await startSimulator({ classDataArchive });
    const response = await sim.fetch('/api/v1/profile');
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`profile answered ${response.status}`);
    await sim.stop();
    timings[label].push(elapsed);
  }
}
for (const [label, values] of Object.entries(timings)) {
  values.sort((a, b) => a - b);
  const median = values.length % 2 ? values[(values.length - 1) / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  console.log(`${label}: ${median.toFixed(0)} ms [${values[0].toFixed(0)} … ${values.at(-1).toFixed(0)}] over ${values.length} runs`);
}
