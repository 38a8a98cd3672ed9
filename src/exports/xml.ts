/**
 * Everything outside XML 1.0's Char production (C0 controls but tab, line feed and carriage return; the surrogates,
 * which here can only be lone ones; the noncharacters U+FFFE and U+FFFF): a document holding one is not well-formed,
 * and readers refuse the whole file.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data or an attribute value; characters XML cannot hold are left out. */
export function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(NOT_XML_CHAR, '');
}
