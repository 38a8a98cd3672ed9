import { describe, expect, it } from 'vitest';
import { xmlEscape } from './xml.js';

/** XML 1.0's Char production: the characters a well-formed document may hold. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('xmlEscape', () => {
  it('escapes the markup characters', () => {
    expect(xmlEscape('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves out every character outside XML 1.0 Char: C0 controls, noncharacters U+FFFE and U+FFFF, lone surrogates', () => {
    expect(xmlEscape('a\u0000b\u0001c\u001bd\uffffe\ufffef\ud800g\udc00h')).toBe('abcdefgh');
  });

  it('keeps tab, line feed, carriage return, characters beyond the BMP and U+FFFD', () => {
    expect(xmlEscape('a\tb\nc\rd 😀 \ufffd \u{10ffff}')).toBe('a\tb\nc\rd 😀 \ufffd \u{10ffff}');
  });

  it('writes nothing outside Char for any string', () => {
    let all = '';
    for (let code = 0; code <= 0xffff; code++) all += String.fromCharCode(code);
    expect(XML_CHAR.test(xmlEscape(all))).toBe(true);
    expect(XML_CHAR.test(xmlEscape(`${all}\u{1f600}\ud83d`))).toBe(true);
  });
});
