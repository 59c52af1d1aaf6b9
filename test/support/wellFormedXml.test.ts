import { describe, expect, it } from 'vitest';
import { wellFormedXmlProblem } from './wellFormedXml.ts';

describe('wellFormedXmlProblem', () => {
  it('accepts well-formed documents', () => {
    expect(wellFormedXmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2" y=\'&#x41;\'>\n  <b/>t&lt;&#65;<c></c>\n</a>\n')).toBeUndefined();
  });
  it.each([
    ['<a>\u0000</a>', /U\+0000/],
    ['<a>\uffff</a>', /U\+FFFF/],
    ['<a>\ud800</a>', /U\+D800/],
    ['<a>x & y</a>', /bad text/],
    ['<a>&nbsp;</a>', /bad text/],
    ['<a x="<">', /malformed tag/],
    ['<a x="1" x="2"/>', /repeats/],
    ['<a><b></a></b>', /does not close/],
    ['<a>', /never closed/],
    ['<a/><b/>', /more than one root/],
    ['<a>]]></a>', /]]>/],
  ])('finds the problem in %j', (xml, problem) => {
    expect(wellFormedXmlProblem(xml)).toMatch(problem);
  });
});
