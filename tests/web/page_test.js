// editors/web/index.html in headless Chromium, driven over the DevTools protocol through
// --remote-debugging-pipe (chromium.js, Node built-ins only): types Kazakh text key by key,
// checks the converted text, switches the Ï option (kk-i=ï) on and off, checks the table of
// every alphabet and the error shown for an option value the table does not have, runs the
// proposal comparison and holds the figures of its report against the JSON record, and writes
// a screenshot.
//
//   node page_test.js CHROMIUM PAGE_DIR SCREENSHOT.png
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const assert = require('node:assert/strict');
const { withPage } = require('./chromium.js');

const [chromium, pageDir, screenshot] = process.argv.slice(2);

async function main() {
  const url = pathToFileURL(path.join(pageDir, 'index.html')).href;
  await withPage(chromium, url, async ({ evaluate, page, problems, waitFor }) => {
    // Wait for the page's script, then for the library.
    await waitFor('typeof window.ortaqReady === "object"');
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

    // Compare proposals: the three rows it starts with, on the text typed, then a fourth.
    const specs = () => evaluate(`[...document.querySelectorAll('#proposals .proposal')].map((r) => r.spec())`);
    assert.deepEqual(await specs(), ['cta-2024', 'cta-2024:kk-i=ï', 'kk-Latn-2021']);
    await evaluate(`(() => { document.getElementById('add-proposal').click();
      const row = document.getElementById('proposals').lastElementChild;
      const s = row.querySelector('.proposal-table'); s.value = 'kk-Latn-2018'; s.dispatchEvent(new Event('change')); })()`);
    assert.deepEqual(await specs(), ['cta-2024', 'cta-2024:kk-i=ï', 'kk-Latn-2021', 'kk-Latn-2018']);
    await evaluate(`document.getElementById('run-compare').click()`);
    assert.equal(await evaluate('document.getElementById("compare-error").textContent'), '');
    await waitFor(`(() => { const d = document.getElementById('compare-report').contentDocument;
      return d !== null && d.querySelector('[data-measure]') !== null; })()`);
    // The figures shown, cell by cell, and the library's JSON record of the same comparison.
    const shown = await evaluate(`[...document.getElementById('compare-report').contentDocument
      .querySelectorAll('td[data-proposal][data-measure][data-value]')]
      .map((c) => ({ proposal: c.dataset.proposal, measure: c.dataset.measure, value: c.dataset.value, text: c.textContent }))`);
    const record = await evaluate(`ortaq.load().then((api) => api.compare(document.getElementById('input').value,
      { from: 'kk-Cyrl', proposals: ${JSON.stringify(await specs())} }))`);
    assert.deepEqual(record.proposals.map((p) => p.id), await specs());
    assert.ok(shown.length >= 4 * 8, `only ${shown.length} figures shown`);
    for (const { proposal, measure, value, text } of shown) {
      const expected = record.proposals.find((p) => p.id === proposal)[measure];
      assert.equal(typeof expected, 'number', `${proposal} ${measure}`);
      assert.equal(Number(value), expected, `${proposal} ${measure}`);
      assert.ok(Math.abs(Number(text) - expected) <= 0.005 + 1e-9, `${proposal} ${measure}: shows ${text}, JSON ${expected}`);
    }
    const nonAscii = (id) => shown.find((c) => c.proposal === id && c.measure === 'non_ascii_per_100_letters');
    // 21 letters; ş alone, or ï ş ï ï ï with kk-i=ï.
    assert.equal(nonAscii('cta-2024').text, (100 / 21).toFixed(2));
    assert.equal(nonAscii('cta-2024:kk-i=ï').text, (500 / 21).toFixed(2));
    assert.equal(await evaluate(`document.getElementById('compare-save').hidden`), false);

    // Screenshots: the top of the page, and the comparison report.
    const capture = async (file) => {
      const shot = await page('Page.captureScreenshot', { format: 'png' });
      const png = Buffer.from(shot.data, 'base64');
      assert.ok(png.length > 10000 && png.subarray(1, 4).toString() === 'PNG');
      fs.writeFileSync(file, png);
      return png;
    };
    await evaluate('window.scrollTo(0, 0)');
    const png = await capture(screenshot);
    await evaluate(`document.getElementById('compare-report').scrollIntoView()`);
    const compareShot = screenshot.replace(/\.png$/, '') + '_compare.png';
    await capture(compareShot);
    // Fewer than two proposals: a message, the report stays.
    await evaluate(`[...document.querySelectorAll('#proposals .proposal button')].slice(1).forEach((b) => b.click())`);
    await evaluate(`document.getElementById('run-compare').click()`);
    assert.match(await evaluate('document.getElementById("compare-error").textContent'), /two/);
    assert.equal(await evaluate("document.getElementById('compare-report').hidden"), false);
    assert.deepEqual(problems, []);
    console.log(`page_test: ortaq ${version} in Chromium: typed ${[...typed].length} keys, Ï on/off, ` +
                `${rows.length} alphabets side by side, ${shown.length} compared figures equal to the JSON's; ` +
                `screenshots ${screenshot} (${png.length} bytes) and ${compareShot}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
