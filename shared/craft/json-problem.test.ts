// Our JSON scan against JSON.parse (the oracle): the same verdict on hand-picked texts and on
// thousands of valid documents cut and mutated at random, and the place it names.
import { describe, expect, it } from 'vitest';
import { findJsonProblem } from './json-problem';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const CASES = [
  '', ' ', '{}', '[]', '{"a":1}', '{"a":1,}', '[1,]', '[1 2]', '{"a" 1}', '{a:1}', "{'a':1}", '"\\u00e9"', '"\\u00g9"', '"\\x"',
  '"a\nb"', '"a\\nb"', '-', '-0', '01', '1.', '1.5', '1e', '1e+', '1E-3', '.5', 'tru', 'true', 'truex', 'nul', 'null', 'false ',
  '[[[]]]', '[[[]]', '{"a":{"b":[1,2,{"c":null}]}}', '{"a":}', '{,}', '[,]', '"', '"abc', '1 2', '\t\r\n1\n', '\u00a01', '[1]]',
  '{"a":1}}', '{"a":1 "b":2}', '"\\"', '"\\/"', '"\\b\\f\\n\\r\\t"', '-a', '--1', '+1', 'NaN', 'Infinity', '[1,2,3', '{"a"',
];

describe('findJsonProblem', () => {
  it('agrees with JSON.parse on hand-picked texts', () => {
    for (const text of CASES) expect(findJsonProblem(text) === null, JSON.stringify(text)).toBe(parses(text));
  });

  it('agrees with JSON.parse on valid documents cut and mutated at random', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const docs = [
      JSON.stringify({ type: 'hello', n: [1, -2.5, 3e10, true, false, null], s: 'a"b\\c\n\u0001é', deep: { x: [[{}]] } }, null, 2),
      '[{"id":1,"tags":["a","b"]},{"id":2,"tags":[]}]',
    ];
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'e', '-', '.', '0', '1', ' ', '\n', 'u', 'n', 't', 'x'];
    const disagreements: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const doc = docs[n % docs.length]!;
      const at = Math.floor(random() * (doc.length + 1));
      const op = random();
      const text = op < 0.3 ? doc.slice(0, at) : op < 0.65 ? doc.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + doc.slice(at + 1) : doc.slice(0, at) + doc.slice(at + 1);
      if ((findJsonProblem(text) === null) !== parses(text)) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });

  it('names the line and column of the first bad character, and says when the text ends early', () => {
    expect(findJsonProblem('{"a": 1,\n  "b" 2}')).toEqual({ kind: 'unexpected', at: 15, line: 2, column: 7 });
    expect(findJsonProblem('[1, 2')).toEqual({ kind: 'end', at: 5, line: 1, column: 6 });
    expect(findJsonProblem('{"a":1}x')).toEqual({ kind: 'unexpected', at: 7, line: 1, column: 8 });
    expect(findJsonProblem('"\\q"')).toMatchObject({ kind: 'unexpected', at: 2 });
  });

  it('survives nesting far deeper than a call stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findJsonProblem(deep)).toBeNull();
    expect(findJsonProblem(deep.slice(0, -1))).toMatchObject({ kind: 'end', at: deep.length - 1 });
  });
});
