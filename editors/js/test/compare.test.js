// compare(): the proposal comparison (ortaq_compare) from JavaScript: figures counted by hand,
// the HTML report, errors as OrtaqError, and, when ORTAQ_CLI names the native `ortaq`, the
// same JSON record byte for byte as `ortaq compare --format json`.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const packageDir = process.env.ORTAQ_JS_PACKAGE || path.join(__dirname, '..');
const loading = require(packageDir).load();

// 21 letters. cta-2024: "Qazaqstan işinde bir til", one non-ASCII letter (ş) in one word of
// four; with kk-i=ï: "Qazaqstan ïşïnde bïr tïl", five (ï ş ï ï ï) in three words.
const sentence = 'Қазақстан ішінде бір тіл\n';

test('the JSON report: figures counted by hand', async () => {
  const ortaq = await loading;
  const report = ortaq.compare(sentence, { from: 'kk-Cyrl', proposals: ['cta-2024', 'cta-2024:kk-i=ï'] });
  assert.equal(report.format, 'ortaq-compare/1');
  assert.equal(report.from, 'kk-Cyrl');
  const [plain, dotted] = report.proposals;
  assert.deepEqual([plain.id, dotted.id], ['cta-2024', 'cta-2024:kk-i=ï']);
  assert.deepEqual([plain.letter_count, plain.word_count, plain.non_ascii_letters, plain.words_with_non_ascii],
                   [21, 4, 1, 0.25]);
  assert.deepEqual([dotted.letter_count, dotted.non_ascii_letters, dotted.words_with_non_ascii_count,
                    dotted.words_with_non_ascii], [21, 5, 3, 0.75]);
  assert.ok(dotted.letters.includes('ï') && !plain.letters.includes('ï'));
  assert.deepEqual(report.samples[0].outputs, ['Qazaqstan işinde bir til', 'Qazaqstan ïşïnde bïr tïl']);
  // No keyboard files in WebAssembly: the keystrokes are left out, and the notes say so.
  assert.deepEqual(report.layouts, []);
  assert.ok(report.notes.length > 0 && report.notes.every((n) => /not found/.test(n)), report.notes.join('\n'));
});

test('the HTML report and the other formats are strings', async () => {
  const ortaq = await loading;
  const html = ortaq.compare(sentence, { from: 'kk-Cyrl', proposals: ['kk-Latn-2018', 'kk-Latn-2021'], format: 'html' });
  assert.equal(typeof html, 'string');
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.match(html, /<svg/);
  assert.doesNotMatch(html, /<script/);
  const csv = ortaq.compare(sentence, { from: 'kk-Cyrl', proposals: ['kk-Latn-2021'], format: 'csv' });
  assert.match(csv, /kk-Latn-2021/);
});

test('bad arguments are OrtaqErrors that say what is wrong', async () => {
  const ortaq = await loading;
  const fails = (options, codeName, pattern) => assert.throws(() => ortaq.compare(sentence, options),
    (e) => e instanceof ortaq.OrtaqError && e.codeName === codeName && pattern.test(e.message));
  fails({ from: 'kk-Cyrl', proposals: [] }, 'invalid-argument', /no proposal/);
  fails({ proposals: ['cta-2024'] }, 'invalid-argument', /from/);
  fails({ from: 'kk-Cyrl', proposals: ['cta-2024', 'xx-Nowhere'] }, 'not-found', /xx-Nowhere/);
  fails({ from: 'kk-Cyrl', proposals: ['cta-2024:kk-i=zz'] }, 'invalid-argument', /kk-i/);
  // A .tbl path: WebAssembly's file system is empty, so it is not found (and nothing traps).
  fails({ from: 'kk-Cyrl', proposals: ['cta-2024', '/nonexistent/mine.tbl'] }, 'not-found', /mine\.tbl/);
  fails({ from: 'kk-Cyrl', proposals: ['cta-2024'], format: 'pdf' }, 'invalid-argument', /pdf/);
  fails({ from: 'kk-Cyrl', proposals: ['cta-2024'], settings: ['kk-i=ï'] }, 'invalid-argument', /cta-2024:kk-i=ï/);
  // Still working afterwards.
  assert.equal(ortaq.compare('бір', { from: 'kk-Cyrl', proposals: ['cta-2024'] }).proposals[0].letter_count, 3);
});

test('the same record as the native command', { skip: !process.env.ORTAQ_CLI && 'ORTAQ_CLI not set' }, async () => {
  const ortaq = await loading;
  const proposals = ['cta-2024', 'cta-2024:kk-i=ï', 'kk-Latn-2021', 'kk-Latn-2018', 'kk-Latn-2017'];
  const text = 'Қазақстан Республикасы — Орталық Азиядағы мемлекет.\nШаңғышы ілгері жүрді, ал інісі үйде қалды.\n';
  const xkb = '/nonexistent/xkb';  // the same (missing) keyboard files on both sides
  const wasm = ortaq.compare(text, { from: 'kk-Cyrl', proposals, settings: [`@xkb-dir=${xkb}`] });
  const native = execFileSync(process.env.ORTAQ_CLI, ['compare', '--from', 'kk-Cyrl', '--format', 'json', ...proposals],
                              { input: text, env: { ...process.env, ORTAQ_XKB_DIR: xkb } }).toString();
  assert.deepEqual(wasm, JSON.parse(native));
});
