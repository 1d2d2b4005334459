// Headless Chromium driven over the DevTools protocol through --remote-debugging-pipe, with
// Node built-ins only (no puppeteer): what page_test.js and installed_test.js share.
//
//   const { withPage } = require('./chromium.js');
//   await withPage(CHROMIUM, 'file:///.../index.html', async ({ evaluate, page, problems }) => { ... });
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The protocol over Chromium's pipe: JSON messages separated by NUL bytes, written to its fd 3,
// read from its fd 4.
function devtools(child) {
  let nextId = 1, buffer = '';
  const pending = new Map(), listeners = [];
  child.stdio[4].on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { resolve, reject, method } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      child.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
    },
    on(listener) { listeners.push(listener); },
  };
}

// Opens `url` in a fresh headless Chromium and runs `body({ evaluate, page, problems, waitFor })`:
// `page(method, params)` sends a protocol command to the page, `evaluate(expression)` returns
// its value (promises awaited), `problems` collects uncaught exceptions and console errors.
// Chromium is closed and its profile removed afterwards, whatever happens.
async function withPage(chromium, url, body, { timeoutMs = 120000 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-chromium-'));
  const child = spawn(chromium, ['--headless=new', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu',
                                 '--no-first-run', '--no-default-browser-check', '--disable-extensions',
                                 `--user-data-dir=${profile}`, '--window-size=1000,900', 'about:blank'],
                      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let chromiumLog = '';
  child.stderr.on('data', (d) => { chromiumLog += d; });
  const timer = setTimeout(() => { console.error('chromium: timed out\n' + chromiumLog); child.kill(); process.exit(1); },
                           timeoutMs);
  try {
    const cdp = devtools(child);
    const problems = [];
    cdp.on((m) => {
      if (m.method === 'Runtime.exceptionThrown') problems.push(JSON.stringify(m.params.exceptionDetails));
      if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') problems.push(JSON.stringify(m.params.args));
    });
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const page = (method, params) => cdp.send(method, params, sessionId);
    await page('Runtime.enable');
    await page('Page.enable');
    await page('Page.navigate', { url });
    const evaluate = async (expression) => {
      const r = await page('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(r.exceptionDetails)}`);
      return r.result.value;
    };
    // Polls `expression` until it is true (10 s at most).
    const waitFor = async (expression) => {
      for (let i = 0; i < 200; ++i) {
        if (await evaluate(expression)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`waited 10 s for ${expression}`);
    };
    const result = await body({ evaluate, page, problems, waitFor });
    await cdp.send('Browser.close').catch(() => {});
    return result;
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    // Chromium's helper processes may still write to the profile for a moment after it exits.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      console.warn(`chromium: could not remove the profile ${profile}: ${e.message}`);
    }
  }
}

module.exports = { withPage };
