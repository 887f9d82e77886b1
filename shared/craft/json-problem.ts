// Where a text stops being JSON (RFC 8259), found by our own scan rather than read out of
// JSON.parse's message: engines word and place that message differently (V8 says "position",
// others say "line/column" or nothing), and the crafter words the problem in the reader's
// language with the place as a parameter. The scan accepts exactly what JSON.parse accepts
// (json-problem.test.ts checks it against JSON.parse); nesting is kept on an explicit stack, so a
// deep text cannot overflow the call stack.

export interface JsonProblem {
  /** 'end': the text ends before the value is complete; 'unexpected': a character that cannot be there. */
  kind: 'end' | 'unexpected';
  /** Index (UTF-16 code units) of the character, or the text's length for 'end'. */
  at: number;
  /** 1-based line and column of `at` (lines split at LF, as editors count them). */
  line: number;
  column: number;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'done';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']); // RFC 8259 §2: ws
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']); // RFC 8259 §7
const LITERALS = ['true', 'false', 'null'];
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** A scan either moves on to an index or stops at a problem (kind and index). */
type Step = number | { kind: JsonProblem['kind']; at: number };

function stop(text: string, at: number): Step {
  return { kind: at >= text.length ? 'end' : 'unexpected', at };
}

/** RFC 8259 §7: a string from its opening quote; control characters must be escaped. */
function scanString(text: string, start: number): Step {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c.charCodeAt(0) < 0x20) return stop(text, i);
    if (c !== '\\') continue;
    const e = text[i + 1];
    if (e === 'u') {
      for (let k = 2; k < 6; k++) if (!isHex(text[i + k])) return stop(text, i + k);
      i += 5;
    } else if (e !== undefined && ESCAPES.has(e)) i += 1;
    else return stop(text, i + 1);
  }
  return stop(text, text.length);
}

/** RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
function scanNumber(text: string, start: number): Step {
  let i = start;
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (isDigit(text[i])) while (isDigit(text[i])) i++;
  else return stop(text, i);
  if (text[i] === '.') {
    i++;
    if (!isDigit(text[i])) return stop(text, i);
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i])) return stop(text, i);
    while (isDigit(text[i])) i++;
  }
  return i;
}

function scanLiteral(text: string, start: number): Step {
  const word = LITERALS.find((w) => w[0] === text[start]);
  if (!word) return stop(text, start);
  for (let k = 1; k < word.length; k++) if (text[start + k] !== word[k]) return stop(text, start + k);
  return start + word.length;
}

function place(text: string, kind: JsonProblem['kind'], at: number): JsonProblem {
  const before = text.slice(0, at);
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { kind, at, line, column: at - lastBreak };
}

/** Null when `text` is one JSON value (with whitespace around it); else where and how it fails. */
export function findJsonProblem(text: string): JsonProblem | null {
  const stack: Array<'[' | '{'> = [];
  let state: State = 'value';
  let i = 0;
  const afterValue = (): State => (stack.length === 0 ? 'done' : 'commaOrClose');
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) return state === 'done' ? null : place(text, 'end', i);
    const c = text[i]!;
    let step: Step;
    if (state === 'done') return place(text, 'unexpected', i);
    if ((state === 'valueOrClose' && c === ']') || (state === 'keyOrClose' && c === '}')) {
      stack.pop();
      i++;
      state = afterValue();
      continue;
    }
    if (state === 'value' || state === 'valueOrClose') {
      if (c === '[' || c === '{') {
        stack.push(c);
        i++;
        state = c === '[' ? 'valueOrClose' : 'keyOrClose';
        continue;
      }
      step = c === '"' ? scanString(text, i) : c === '-' || isDigit(c) ? scanNumber(text, i) : scanLiteral(text, i);
      if (typeof step !== 'number') return place(text, step.kind, step.at);
      i = step;
      state = afterValue();
    } else if (state === 'key' || state === 'keyOrClose') {
      step = c === '"' ? scanString(text, i) : stop(text, i);
      if (typeof step !== 'number') return place(text, step.kind, step.at);
      i = step;
      state = 'colon';
    } else if (state === 'colon') {
      if (c !== ':') return place(text, 'unexpected', i);
      i++;
      state = 'value';
    } else {
      const open = stack[stack.length - 1];
      if (c === ',') state = open === '[' ? 'value' : 'key';
      else if (c === (open === '[' ? ']' : '}')) {
        stack.pop();
        state = afterValue();
      } else return place(text, 'unexpected', i);
      i++;
    }
  }
}
