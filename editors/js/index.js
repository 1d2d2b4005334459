// ortaq for JavaScript: the C API of lib/include/ortaq.h over the WebAssembly build (ortaq.js,
// built by editors/js/wasm). Works under Node (require) and in a browser page (<script>, after
// ortaq.js), where it defines the global `ortaq`.
//
//   const { load } = require('ortaq');
//   const ortaq = await load();
//   ortaq.convert('Қазақстан', 'kk-Cyrl', 'cta-2024', ['kk-i=ï']);   // 'Qazaqstan'
'use strict';

(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(() => require('./ortaq.js'));
  else root.ortaq = factory(() => root.createOrtaqModule);
})(typeof globalThis !== 'undefined' ? globalThis : this, function (getModuleFactory) {
  const CODE_NAMES = ['ok', 'invalid-input', 'table', 'not-found', 'io', 'invalid-argument', 'internal',
                      'no-memory', 'buffer-too-small'];
  const UNITS = { bytes: 0, codePoints: 1, utf16: 2 };
  const ERROR_SIZE = 800;  // sizeof(ortaq_error) in wasm32: code, 3 x int64, file[256], message[512]
  const SPAN_SIZE = 40;    // sizeof(ortaq_span): 4 x uint64, int, padding
  const STATE_SIZE = 28;   // sizeof(ortaq_typing_state): 7 x 32-bit
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  class OrtaqError extends Error {
    constructor(fields) {
      super(fields.message);
      this.name = 'OrtaqError';
      Object.assign(this, fields);
    }
  }

  function bind(M) {
    const view = () => new DataView(M.HEAPU8.buffer);
    const u32 = (p) => view().getUint32(p, true);
    const cString = (p) => (p ? M.UTF8ToString(p) : '');
    const bytesAt = (p, n) => M.HEAPU8.slice(p, p + n);

    // Runs fn with scratch memory that is freed afterwards, whatever happens.
    function withScratch(fn) {
      const blocks = [];
      const alloc = (n) => {
        const p = M._malloc(Math.max(n, 1));
        if (!p) throw new OrtaqError({ code: 7, codeName: 'no-memory', message: 'out of memory' });
        blocks.push(p);
        M.HEAPU8.fill(0, p, p + Math.max(n, 1));
        return p;
      };
      const bytes = (data) => {
        const p = alloc(data.length + 1);
        M.HEAPU8.set(data, p);
        return p;
      };
      const text = (s) => {
        const data = encoder.encode(s);
        return { ptr: bytes(data), len: data.length };
      };
      const settings = (list) => {
        if (!list || list.length === 0) return 0;
        const p = alloc(4 * (list.length + 1));
        list.forEach((s, i) => view().setUint32(p + 4 * i, text(String(s)).ptr, true));
        return p;
      };
      try {
        return fn({ alloc, bytes, text, settings });
      } finally {
        for (const p of blocks) M._free(p);
      }
    }

    function errorFrom(p, code) {
      const v = view();
      const int64 = (at) => v.getInt32(at + 4, true) * 4294967296 + v.getUint32(at, true);
      code = code || v.getInt32(p, true);
      return new OrtaqError({
        code, codeName: CODE_NAMES[code] || 'unknown', line: int64(p + 8), column: int64(p + 16),
        byteOffset: int64(p + 24), file: cString(p + 32),
        message: cString(p + 288) || cString(M._ortaq_code_string(code)),
      });
    }

    // Calls a C function that writes char **out and size_t *out_len; returns the bytes.
    function outputOf(s, call) {
      const out = s.alloc(4), len = s.alloc(4), err = s.alloc(ERROR_SIZE);
      const code = call(out, len, err);
      if (code !== 0) throw errorFrom(err, code);
      const p = u32(out);
      const data = bytesAt(p, u32(len));
      M._ortaq_free(p);
      return data;
    }
    const lines = (data) => decoder.decode(data).split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));

    class TypingSession {
      constructor(handle) {
        this._handle = handle;
        this._committed = new Uint8Array(0);
      }
      _check(code, err) {
        if (code !== 0) throw errorFrom(err, code);
      }
      // The state after the last change: committed and pending output (strings), and how much
      // of the committed output the last backspace took back (`retracted`, in UTF-16 units).
      state() {
        return withScratch((s) => {
          const st = s.alloc(STATE_SIZE), err = s.alloc(ERROR_SIZE);
          this._check(M._ortaq_typing_get_state(this._handle, st, err), err);
          const committed = bytesAt(u32(st), u32(st + 4));
          const retractedBytes = u32(st + 16);
          const previous = this._committed;
          const kept = previous.length - retractedBytes;
          this._committed = committed;
          return {
            committed: decoder.decode(committed), pending: decoder.decode(bytesAt(u32(st + 8), u32(st + 12))),
            retracted: decoder.decode(previous.subarray(Math.max(kept, 0))).length * (retractedBytes > 0 ? 1 : 0),
            inputBytes: u32(st + 20), committedInputBytes: u32(st + 24),
          };
        });
      }
      append(text) {
        withScratch((s) => {
          const t = s.text(text), err = s.alloc(ERROR_SIZE);
          this._check(M._ortaq_typing_append(this._handle, t.ptr, t.len, err), err);
        });
        return this.state();
      }
      backspace(count = 1) {
        withScratch((s) => {
          const err = s.alloc(ERROR_SIZE);
          this._check(M._ortaq_typing_backspace(this._handle, count, 0, err), err);
        });
        return this.state();
      }
      flush() {
        withScratch((s) => {
          const err = s.alloc(ERROR_SIZE);
          this._check(M._ortaq_typing_flush(this._handle, err), err);
        });
        return this.state();
      }
      reset() {
        M._ortaq_typing_reset(this._handle);
        this._committed = new Uint8Array(0);
      }
      close() {
        if (this._handle) M._ortaq_typing_close(this._handle);
        this._handle = 0;
      }
    }

    class Transliterator {
      constructor(handle) {
        this._handle = handle;
        this.sourceId = cString(M._ortaq_source_id(handle));
        this.targetId = cString(M._ortaq_target_id(handle));
        this.title = cString(M._ortaq_title(handle));
      }
      // A string gives a string; UTF-8 bytes (a Uint8Array) give bytes, exactly as the library
      // wrote them (invalid UTF-8 in them is reported, or handled as the "@invalid" setting says).
      convert(text) {
        return withScratch((s) => {
          const bytes = text instanceof Uint8Array;
          const t = bytes ? { ptr: s.bytes(text), len: text.length } : s.text(text);
          const out = outputOf(s, (o, len, err) => M._ortaq_convert(this._handle, t.ptr, t.len, o, len, err));
          return bytes ? out : decoder.decode(out);
        });
      }
      // The output and the edit spans, offsets in `unit` ('utf16' by default, as JavaScript
      // strings count; 'codePoints' or 'bytes').
      convertSpans(text, unit = 'utf16') {
        if (!(unit in UNITS)) throw new OrtaqError({ code: 5, codeName: 'invalid-argument', message: `unknown unit '${unit}'` });
        return withScratch((s) => {
          const t = s.text(text);
          const spansOut = s.alloc(4), count = s.alloc(4);
          const output = outputOf(s, (out, len, err) =>
            M._ortaq_convert_spans(this._handle, t.ptr, t.len, UNITS[unit], out, len, spansOut, count, err));
          const p = u32(spansOut), n = u32(count), v = view(), spans = [];
          const u64 = (at) => Number(v.getBigUint64(at, true));
          for (let i = 0; i < n; ++i) {
            const at = p + i * SPAN_SIZE;
            spans.push({ inBegin: u64(at), inEnd: u64(at + 8), outBegin: u64(at + 16), outEnd: u64(at + 24),
                         changed: v.getInt32(at + 32, true) !== 0 });
          }
          M._ortaq_free(p);
          return { output: decoder.decode(output), spans };
        });
      }
      // The table options: [{name, value, values, description}].
      options() {
        return withScratch((s) => lines(outputOf(s, (out, len, err) => M._ortaq_list_options(this._handle, out, len, err)))
          .map(([name, value, values, description]) => ({ name, value, values: values.split('|'), description })));
      }
      typing() {
        return withScratch((s) => {
          const err = s.alloc(ERROR_SIZE);
          const h = M._ortaq_typing_open(this._handle, err);
          if (!h) throw errorFrom(err);
          return new TypingSession(h);
        });
      }
      close() {
        if (this._handle) M._ortaq_close(this._handle);
        this._handle = 0;
      }
    }

    // Maps a cursor position through spans (as convertSpans gives them): ortaq_map_position.
    function mapPosition(spans, position, direction = 'inputToOutput') {
      return withScratch((s) => {
        const p = s.alloc(spans.length * SPAN_SIZE), v = view();
        spans.forEach((span, i) => {
          const at = p + i * SPAN_SIZE;
          [span.inBegin, span.inEnd, span.outBegin, span.outEnd].forEach((n, k) => v.setBigUint64(at + 8 * k, BigInt(n), true));
          v.setInt32(at + 32, span.changed ? 1 : 0, true);
        });
        const backwards = direction === 'outputToInput' ? 1 : 0;
        return Number(BigInt.asUintN(64, BigInt(M._ortaq_map_position(p, spans.length, BigInt(position), backwards))));
      });
    }

    function open(from, to, settings = []) {
      return withScratch((s) => {
        const err = s.alloc(ERROR_SIZE);
        const h = M._ortaq_open(s.text(from).ptr, s.text(to).ptr, s.settings(settings), err);
        if (!h) throw errorFrom(err);
        return new Transliterator(h);
      });
    }

    // convert() keeps the last few transliterators it opened: a page converting as the user types
    // compiles its table once.
    const cache = new Map();
    const CACHE_SIZE = 8;
    function convert(text, from, to, settings = []) {
      const key = JSON.stringify([from, to, settings]);
      let t = cache.get(key);
      if (!t) {
        t = open(from, to, settings);
        if (cache.size >= CACHE_SIZE) {
          const [oldestKey, oldest] = cache.entries().next().value;
          cache.delete(oldestKey);
          oldest.close();
        }
        cache.set(key, t);
      }
      return t.convert(text);
    }

    function listTables() {
      return withScratch((s) => lines(outputOf(s, (out, len, err) => M._ortaq_list_tables(0, out, len, err)))
        .map(([from, to, title]) => ({ from, to, title })));
    }

    function detect(text) {
      return withScratch((s) => {
        const t = s.text(text), confidence = s.alloc(8);
        const id = cString(M._ortaq_detect(t.ptr, t.len, confidence));
        return { id, confidence: view().getFloat64(confidence, true) };
      });
    }

    // Compares alphabet proposals on one text, as `ortaq compare` does (ortaq_compare; the
    // measures and JSON fields are in docs/compare.md). Proposals are "TABLE[:KEY=VALUE,...]".
    // format 'json' (the default) gives the report as an object; 'html' (one self-contained
    // page), 'text', 'markdown' and 'csv' give a string.
    function compare(text, { from, proposals = [], format = 'json', settings = [] } = {}) {
      const invalid = (message) => new OrtaqError({ code: 5, codeName: 'invalid-argument', message });
      if (typeof from !== 'string') throw invalid('compare: `from` (the alphabet of the text) is required');
      if (!Array.isArray(proposals)) throw invalid('compare: `proposals` is an array of "TABLE[:KEY=VALUE,...]"');
      const report = withScratch((s) => {
        const t = s.text(text);
        // A NULL-terminated array even when empty, so that the library says what is missing.
        const specs = proposals.length > 0 ? s.settings(proposals) : s.alloc(4);
        return decoder.decode(outputOf(s, (out, len, err) => M._ortaq_compare(
          s.text(from).ptr, specs, t.ptr, t.len, s.text(String(format)).ptr, s.settings(settings), out, len, err)));
      });
      return format === 'json' ? JSON.parse(report) : report;
    }

    return { version: cString(M._ortaq_version()), convert, open, listTables, detect, mapPosition, compare, OrtaqError };
  }

  let loading = null;
  // Instantiates the WebAssembly module once; resolves to the API.
  function load() {
    if (!loading) loading = Promise.resolve(getModuleFactory()()).then(bind);
    return loading;
  }
  return { load, OrtaqError };
});
