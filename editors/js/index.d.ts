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
  OrtaqError: typeof OrtaqError;
}

/** Instantiates the WebAssembly module (once); resolves to the API. */
export function load(): Promise<Ortaq>;
