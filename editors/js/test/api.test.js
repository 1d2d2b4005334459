// The npm package (editors/js) under Node's test runner: conversion, options, spans and
// positions, the typing session, tables and detection, and errors as OrtaqError.
// ORTAQ_JS_PACKAGE names the laid-out package (tests/web/build_wasm.sh writes it).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const packageDir = process.env.ORTAQ_JS_PACKAGE || path.join(__dirname, '..');
const loading = require(packageDir).load();

test('convert with and without the Ï option', async () => {
  const ortaq = await loading;
  assert.match(ortaq.version, /^\d+\.\d+\.\d+$/);
  assert.equal(ortaq.convert('Қазақстан ішінде', 'kk-Cyrl', 'cta-2024'), 'Qazaqstan işinde');
  assert.equal(ortaq.convert('Қазақстан ішінде', 'kk-Cyrl', 'cta-2024', ['kk-i=ï']), 'Qazaqstan ïşïnde');
  assert.equal(ortaq.convert('Шаңғы', 'kk-Cyrl', 'kk-Latn-2021'), 'Şañğy');
  assert.equal(ortaq.convert('', 'kk-Cyrl', 'cta-2024'), '');
  // A chain through another alphabet, and back.
  assert.equal(ortaq.convert('Şañğy', 'kk-Latn-2021', 'kk-Cyrl'), 'Шаңғы');
});

test('bytes in, bytes out; invalid UTF-8 is an error with its offset, or replaced', async () => {
  const ortaq = await loading;
  const t = ortaq.open('kk-Cyrl', 'cta-2024');
  const out = t.convert(new TextEncoder().encode('шаш'));
  assert.ok(out instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(out), 'şaş');
  assert.throws(() => t.convert(new Uint8Array([0x61, 0x0a, 0x62, 0xff])), (e) =>
    e instanceof ortaq.OrtaqError && e.codeName === 'invalid-input' && e.byteOffset === 3 && e.line === 2 &&
    e.column === 2 && e.file === '<input>');
  t.close();
  const replacing = ortaq.open('kk-Cyrl', 'cta-2024', ['@invalid=replace']);
  assert.equal(new TextDecoder().decode(replacing.convert(new Uint8Array([0xd1, 0x88, 0xff]))), 'ş\ufffd');
  replacing.close();
});

test('unknown tables and options are errors, never crashes', async () => {
  const ortaq = await loading;
  assert.throws(() => ortaq.convert('a', 'kk-Cyrl', 'no-such-alphabet'), (e) => e.codeName === 'not-found');
  assert.throws(() => ortaq.convert('a', 'kk-Cyrl', 'cta-2024', ['kk-i=q']), (e) => e.codeName === 'invalid-argument' && /kk-i/.test(e.message));
  assert.throws(() => ortaq.open('kk-Cyrl', 'cta-2024').convertSpans('a', 'inches'), ortaq.OrtaqError);
  // The library still works afterwards.
  assert.equal(ortaq.convert('ә', 'kk-Cyrl', 'cta-2024'), 'ä');
});

test('spans and cursor positions in UTF-16 units, code points and bytes', async () => {
  const ortaq = await loading;
  const t = ortaq.open('kk-Cyrl', 'kk-Latn-2021');
  const text = '😀 Шаш';  // a surrogate pair, then a letter that becomes one letter
  const { output, spans } = t.convertSpans(text);
  assert.equal(output, '😀 Şaş');
  assert.equal(spans[0].inBegin, 0);
  assert.equal(spans.at(-1).inEnd, text.length);
  assert.equal(spans.at(-1).outEnd, output.length);
  for (let i = 1; i < spans.length; ++i) assert.equal(spans[i].inBegin, spans[i - 1].inEnd);
  assert.ok(spans.some((s) => s.changed) && spans.some((s) => !s.changed));
  // The cursor after 'Ш' (UTF-16 offset 4) is after 'Ş' in the output.
  assert.equal(ortaq.mapPosition(spans, 4), 4);
  assert.equal(ortaq.mapPosition(spans, text.length), output.length);
  assert.equal(ortaq.mapPosition(spans, 4, 'outputToInput'), 4);
  const points = t.convertSpans(text, 'codePoints').spans;
  assert.equal(points.at(-1).inEnd, [...text].length);
  const bytes = t.convertSpans(text, 'bytes').spans;
  assert.equal(bytes.at(-1).inEnd, new TextEncoder().encode(text).length);
  assert.equal(bytes.at(-1).outEnd, new TextEncoder().encode(output).length);
  t.close();
});

test('a typing session: pending word, committed words, backspace, flush', async () => {
  const ortaq = await loading;
  const t = ortaq.open('kk-Cyrl', 'cta-2024', ['kk-i=ï']);
  const s = t.typing();
  let state = s.append('Бі');
  assert.equal(state.committed + state.pending, 'Bï');
  state = s.append('р сөз ');
  assert.equal(state.committed + state.pending, 'Bïr söz ');
  assert.ok(state.committed.startsWith('Bïr '));
  state = s.backspace(2);
  assert.equal(state.committed + state.pending, 'Bïr sö');
  assert.ok(state.retracted > 0);
  state = s.append('йле');
  assert.equal(state.committed + state.pending, ortaq.convert('Бір сөйле', 'kk-Cyrl', 'cta-2024', ['kk-i=ï']));
  state = s.flush();
  assert.equal(state.pending, '');
  assert.equal(state.committed, 'Bïr söyle');
  s.reset();
  assert.equal(s.state().committed, '');
  s.close();
  t.close();
});

test('options, tables and detection', async () => {
  const ortaq = await loading;
  const t = ortaq.open('kk-Cyrl', 'cta-2024', ['kk-i=ï']);
  const option = t.options().find((o) => o.name === 'kk-i');
  assert.deepEqual([option.value, option.values], ['ï', ['i', 'ï']]);
  assert.equal(t.sourceId, 'kk-Cyrl');
  assert.equal(t.targetId, 'cta-2024');
  t.close();
  const tables = ortaq.listTables();
  assert.ok(tables.some((x) => x.from === 'kk-Cyrl' && x.to === 'cta-2024' && x.title.length > 0));
  const guess = ortaq.detect('Қазақ тілі — мемлекеттік тіл.');
  assert.equal(guess.id, 'kk-Cyrl');
  assert.ok(guess.confidence > 0.5 && guess.confidence <= 1);
  assert.equal(ortaq.detect('123 !').id, '');
});
