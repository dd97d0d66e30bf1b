'use strict';

// prepack: copies the simulator jar into jar/ so that `npm pack` bundles it. From
// $BEVATEL_SIMULATOR_JAR, else from the Maven build of this repository (standalone/target/).
// Without either, the package is packed without a jar and users pass { jar } or set the variable.
const fs = require('node:fs');
const path = require('node:path');

const source = process.env.BEVATEL_SIMULATOR_JAR
  ?? path.join(__dirname, '..', '..', '..', 'standalone', 'target', 'bevatel-simulator.jar');
const target = path.join(__dirname, '..', 'jar', 'bevatel-simulator.jar');
if (fs.existsSync(source)) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  console.error(`bundled ${source}`);
} else {
  console.error(`no jar at ${source} (run \`mvn package\` first): packing without one`);
}
