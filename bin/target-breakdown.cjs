#!/usr/bin/env node
// The CLI is bundled into dist/cli.cjs by `npm run build:cli` (run automatically by `npm ci`/`npm install`).
const path = require("path");
const fs = require("fs");
const bundle = path.join(__dirname, "..", "dist", "cli.cjs");
if (!fs.existsSync(bundle)) {
  console.error("target-breakdown: dist/cli.cjs is missing; run `npm run build:cli` first.");
  process.exit(2);
}
require(bundle);
