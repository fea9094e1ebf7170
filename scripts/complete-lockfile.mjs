#!/usr/bin/env node
// The npm registry mirror these machines use lacks some other platforms' optional binaries
// (e.g. @napi-rs/canvas-android-arm64), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock as "out of sync". This records each missing optional dependency as an
// optional entry; npm ci skips the ones it cannot install on this platform. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
/** Where node would look for `name` from the package at `parentKey`: its own node_modules, then upward. */
function candidates(parentKey, name) {
  const keys = [];
  let dir = parentKey;
  for (;;) {
    keys.push(`${dir ? `${dir}/` : ''}node_modules/${name}`);
    const cut = dir.lastIndexOf('/node_modules/');
    if (dir === '') break;
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
  return keys;
}

let added = 0;
for (const [parentKey, entry] of Object.entries({ ...lock.packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = candidates(parentKey, name).find((key) => lock.packages[key]);
    if (found && (lock.packages[found].version === version || !/^\d/.test(version))) continue;
    if (found && lock.packages[found].version !== version && !lock.packages[found].optional) {
      // a range, not a pin: the hoisted copy may satisfy it; leave it to npm
      if (!/^\d+\.\d+\.\d+$/.test(version)) continue;
    }
    const key = found ? `${parentKey}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added += 1;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional entries`);
