#!/usr/bin/env bash
# Run by the Maven build (clients/node/pom.xml): the package's node:test suite, against $BEVATEL_SIMULATOR_JAR.
set -euo pipefail
if ! command -v node >/dev/null; then
  echo "clients/node: Node.js 18 or newer is needed to test the Node package, and 'node' is not on the PATH." >&2
  echo "  Install it (Debian: apt-get install nodejs npm), or skip these tests with -Dnode.skip." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "clients/node: Node.js $(node --version) is too old to test the Node package (node --test needs 18 or newer)." >&2
  echo "  Install a newer one, or skip these tests with -Dnode.skip." >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "clients/node: npm is needed to check that 'npm pack' makes an installable package (Debian: apt-get install npm)," >&2
  echo "  or skip these tests with -Dnode.skip." >&2
  exit 1
fi
exec node --test
