// editors/web/index.html in headless Chromium, driven over the DevTools protocol through
// --remote-debugging-pipe (Node built-ins only): types Kazakh text key by key, checks the
// converted text, switches the Ï option (kk-i=ï) on and off, checks the comparison table and
// the error shown for an option value the table does not have, and writes a screenshot.
//
//   node page_test.js CHROMIUM PAGE_DIR SCREENSHOT.png
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const assert = require('node:assert/strict');

const [chromium, pageDir, screenshot] = process.argv.slice(2);

// The DevTools protocol over Chromium's pipe: JSON messages separated by NUL bytes, written to
// its fd 3, read from its fd 4.
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

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-chromium-'));
  const child = spawn(chromium, ['--headless=new', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu',
                                 '--no-first-run', '--no-default-browser-check', '--disable-extensions',
                                 `--user-data-dir=${profile}`, '--window-size=1000,900', 'about:blank'],
                      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let chromiumLog = '';
  child.stderr.on('data', (d) => { chromiumLog += d; });
  const timer = setTimeout(() => { console.error('page_test: timed out\n' + chromiumLog); child.kill(); process.exit(1); }, 120000);
  try {
    const cdp = devtools(child);
    const problems = [];
    cdp.on((m) => {
      if (m.method === 'Runtime.exceptionThrown') problems.push(JSON.stringify(m.params.exceptionDetails));
      if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') problems.push(JSON.stringify(m.params.args));
    });
    const url = pathToFileURL(path.join(pageDir, 'index.html')).href;
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
    // Wait for the page's script, then for the library.
    for (let i = 0; i < 200 && !(await evaluate('typeof window.ortaqReady === "object"')); ++i)
      await new Promise((r) => setTimeout(r, 50));
    const version = await evaluate('window.ortaqReady');
    assert.match(version, /^\d+\.\d+\.\d+$/);
    assert.equal(await evaluate('document.getElementById("from").value'), 'kk-Cyrl');
    assert.equal(await evaluate('document.getElementById("to").value'), 'cta-2024');

    // Type key by key, as a person does: every keystroke is an input event that converts.
    await evaluate('document.getElementById("input").focus()');
    const typed = 'Қазақстан ішінде бір тіл';
    const seen = [];
    for (const ch of typed) {
      await page('Input.dispatchKeyEvent', { type: 'keyDown', text: ch, unmodifiedText: ch, key: ch });
      await page('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
      seen.push(await evaluate('document.getElementById("output").textContent'));
    }
    assert.equal(await evaluate('document.getElementById("input").value'), typed);
    assert.equal(seen[2], 'Qaz');  // converted as it is typed, not at the end
    const output = () => evaluate('document.getElementById("output").textContent');
    assert.equal(await output(), 'Qazaqstan işinde bir til');

    // The Ï option, from the table's own option list: on, then off again.
    const setOption = (value) => evaluate(`(() => { const s = document.querySelector('select[data-option="kk-i"]');
      s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change')); return s.value; })()`);
    assert.equal(await setOption('ï'), 'ï');
    assert.equal(await output(), 'Qazaqstan ïşïnde bïr tïl');
    assert.equal(await setOption('i'), 'i');
    assert.equal(await output(), 'Qazaqstan işinde bir til');
    await setOption('ï');

    // The comparison: one row per alphabet kk-Cyrl converts to, with its non-ASCII letters.
    const rows = await evaluate(`[...document.querySelectorAll('#compare tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))`);
    const row = (id) => rows.find((r) => r[0] === id);
    assert.ok(rows.length >= 4, JSON.stringify(rows));
    assert.deepEqual(row('cta-2024'), ['cta-2024', 'Qazaqstan ïşïnde bïr tïl', '5']);
    assert.equal(row('kk-Latn-2021')[1], 'Qazaqstan ışınde bır tıl');

    // Another target: the option pickers follow the table.
    await evaluate(`(() => { const s = document.getElementById('to'); s.value = 'kk-Latn-2021'; s.dispatchEvent(new Event('change')); })()`);
    assert.equal(await output(), 'Qazaqstan ışınde bır tıl');
    assert.equal(await evaluate(`document.querySelector('select[data-option="kk-i"]') === null`), true);
    await evaluate(`(() => { const s = document.getElementById('to'); s.value = 'cta-2024'; s.dispatchEvent(new Event('change')); })()`);
    assert.equal(await output(), 'Qazaqstan ïşïnde bïr tïl');  // the option kept its value
    assert.equal(await evaluate('document.getElementById("error").textContent'), '');

    // A value the table does not have (as a stale or hand-edited picker would send): the
    // library's message is shown, the text typed and the last output stay.
    await evaluate(`(() => { const s = document.querySelector('select[data-option="kk-i"]');
      s.add(new Option('q', 'q')); s.value = 'q'; s.dispatchEvent(new Event('change')); })()`);
    assert.match(await evaluate('document.getElementById("error").textContent'), /kk-i/);
    assert.equal(await evaluate('document.getElementById("input").value'), typed);
    assert.equal(await output(), 'Qazaqstan ïşïnde bïr tïl');
    await setOption('ï');
    assert.equal(await evaluate('document.getElementById("error").textContent'), '');

    const shot = await page('Page.captureScreenshot', { format: 'png' });
    const png = Buffer.from(shot.data, 'base64');
    assert.ok(png.length > 10000 && png.subarray(1, 4).toString() === 'PNG');
    fs.writeFileSync(screenshot, png);
    assert.deepEqual(problems, []);
    console.log(`page_test: ortaq ${version} in Chromium: typed ${[...typed].length} keys, Ï on/off, ` +
                `${rows.length} alphabets compared; screenshot ${screenshot} (${png.length} bytes)`);
    await cdp.send('Browser.close').catch(() => {});
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
