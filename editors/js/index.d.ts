// Types of ortaq for JavaScript (index.js): the C API of lib/include/ortaq.h over WebAssembly.
//
//   import { load } from 'ortaq';
//   const ortaq = await load();
//   ortaq.convert('Қазақстан', 'kk-Cyrl', 'cta-2024', ['kk-i=ï']);   // 'Qazaqstan'

/** A failure of the library, as ortaq_error describes it. */
export class OrtaqError extends Error {
  /** ORTAQ_ERR_* code (1 invalid input, 2 table, 3 not found, 5 invalid argument, ...). */
  code: number;
  /** 'invalid-input', 'table', 'not-found', 'io', 'invalid-argument', 'internal', 'no-memory'. */
  codeName: string;
  /** 1-based line and column (in code points) of `file`; 0 when not about a place. */
  line: number;
  column: number;
  /** 0-based byte offset in `file` (UTF-8); -1 when not about a place. */
  byteOffset: number;
  /** '<input>' for the text converted, a table's path, or ''. */
  file: string;
}

/** Input [inBegin, inEnd) became output [outBegin, outEnd); unchanged text has changed false. */
export interface Span {
  inBegin: number;
  inEnd: number;
  outBegin: number;
  outEnd: number;
  changed: boolean;
}

/** Offsets of spans: UTF-16 units as JavaScript strings count them (default), code points or UTF-8 bytes. */
export type Unit = 'utf16' | 'codePoints' | 'bytes';

export interface TableOption {
  name: string;
  /** The value in effect. */
  value: string;
  values: string[];
  description: string;
}

export interface TypingState {
  /** All committed output since the session opened or was reset: final. */
  committed: string;
  /** The conversion of the rest of the input as if it ended here: may still change. */
  pending: string;
  /** UTF-16 units the last backspace took off the end of `committed`. */
  retracted: number;
  inputBytes: number;
  committedInputBytes: number;
}

/** Converts text as it is typed (ortaq_typing): committed + pending is always the conversion of the input. */
export interface TypingSession {
  append(text: string): TypingState;
  backspace(count?: number): TypingState;
  /** Ends the text: pending output is committed; what comes next starts a new text. */
  flush(): TypingState;
  reset(): void;
  state(): TypingState;
  close(): void;
}

export interface Transliterator {
  readonly sourceId: string;
  readonly targetId: string;
  readonly title: string;
  /** A string gives a string; UTF-8 bytes give bytes. Throws OrtaqError. */
  convert(text: string): string;
  convert(text: Uint8Array): Uint8Array;
  convertSpans(text: string, unit?: Unit): { output: string; spans: Span[] };
  options(): TableOption[];
  typing(): TypingSession;
  /** Frees the WebAssembly memory of the table; the object is unusable afterwards. */
  close(): void;
}

/** Keystrokes on one keyboard layout (read from xkb-data; none in a browser, see `notes`). */
export interface CompareKeyboard {
  layout: string;
  keys_per_word: number;
  keys_per_letter: number;
  untypeable_per_100_letters: number;
  untypeable: string[];
}

/** One letter of a proposal's output (docs/compare.md, "Letters"). */
export interface CompareLetter {
  letter: string;
  upper: string;
  code_points: string[];
  precomposed: boolean;
  block: string;
  kind: 'plain' | 'diacritic' | 'special' | 'apostrophe' | 'digraph';
  count: number;
  source: string;
  keys_lower: number[];
  keys_upper: number[];
}

/** Source words that one output word stands for. */
export interface CompareWordGroup {
  output: string;
  words: [string, number][];
  count: number;
}

/** One proposal's figures; every field is defined in docs/compare.md. */
export interface CompareProposal {
  /** As given: "cta-2024:kk-i=ï". */
  id: string;
  table: string;
  letters: string[];
  letter_count: number;
  word_count: number;
  byte_count: number;
  non_ascii_letters: number;
  non_ascii_per_100_letters: number;
  /** Share 0..1. */
  words_with_non_ascii: number;
  words_with_non_ascii_count: number;
  digraphs: number;
  digraphs_per_100_letters: number;
  false_digraphs: number;
  apostrophes: number;
  apostrophes_per_100_letters: number;
  case_collisions: string[];
  homograph_groups: number;
  homograph_running_share: number;
  homograph_examples: CompareWordGroup[];
  ascii_fold_collisions: number;
  ascii_fold_running_share: number;
  ascii_fold_examples: CompareWordGroup[];
  letters_change_percent: number;
  bytes_change_percent: number;
  outside_turkish_letters: number;
  outside_turkish_per_100_letters: number;
  overlap: Record<string, { shared: number; only_proposal: string[]; only_reference: string[] }>;
  keyboards: CompareKeyboard[];
  inventory: CompareLetter[];
  [field: string]: unknown;
}

/** The JSON record of `ortaq compare --format json` ("format": "ortaq-compare/1"). */
export interface CompareReport {
  format: string;
  from: string;
  layouts: string[];
  source: { letter_count: number; word_count: number; byte_count: number; lines: number; distinct_words: number;
            keyboards: CompareKeyboard[] };
  proposals: CompareProposal[];
  samples: { source: string; outputs: string[] }[];
  /** What could not be measured (keyboard layouts not found). */
  notes: string[];
}

export interface CompareOptions {
  /** The alphabet of the text: "kk-Cyrl". */
  from: string;
  /** At least one "TABLE[:KEY=VALUE,...]": "cta-2024", "cta-2024:kk-i=ï,kk-u=ŭ". */
  proposals: string[];
  /** The engine's "@..." settings, "@examples=N", "@samples=N". */
  settings?: string[];
}

export interface Ortaq {
  /** The library's version, "MAJOR.MINOR.PATCH". */
  readonly version: string;
  /**
   * Converts `text` from alphabet `from` to `to` ("kk-Cyrl", "cta-2024", ...); settings as
   * `ortaq convert --set` takes them ("kk-i=ï") and the engine's "@invalid=replace" etc. The
   * last few transliterators are kept, so calling this on each keystroke compiles a table once.
   */
  convert(text: string, from: string, to: string, settings?: string[]): string;
  open(from: string, to: string, settings?: string[]): Transliterator;
  listTables(): { from: string; to: string; title: string }[];
  /** The alphabet a text is written in ('' when it has no letters), and how sure (0..1). */
  detect(text: string): { id: string; confidence: number };
  /** A cursor position mapped through spans (ortaq_map_position). */
  mapPosition(spans: Span[], position: number, direction?: 'inputToOutput' | 'outputToInput'): number;
  /**
   * Compares alphabet proposals on one text, as `ortaq compare` does (docs/compare.md): the
   * report as an object (format 'json', the default), or as a string (`html` is one
   * self-contained page with inline SVG). Throws OrtaqError (a proposal that does not open
   * names itself in the message).
   */
  compare(text: string, options: CompareOptions & { format?: 'json' }): CompareReport;
  compare(text: string, options: CompareOptions & { format: 'html' | 'text' | 'markdown' | 'csv' }): string;
  OrtaqError: typeof OrtaqError;
}

/** Instantiates the WebAssembly module (once); resolves to the API. */
export function load(): Promise<Ortaq>;
