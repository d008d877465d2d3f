import { describe, expect, it } from 'vitest';
import { xmlProblems } from './xml.ts';

describe('xmlProblems (the test helper itself)', () => {
  it('accepts well-formed XML', () => {
    expect(xmlProblems('<svg a="1"><g><text>x &amp; y &#35;</text></g><path d="M0"/></svg>')).toEqual([]);
  });
  it('rejects unbalanced tags, stray < and bad entities', () => {
    expect(xmlProblems('<svg><g></svg>').length).toBeGreaterThan(0);
    expect(xmlProblems('<svg><text>a < b</text></svg>').length).toBeGreaterThan(0);
    expect(xmlProblems('<svg><text>a & b</text></svg>').length).toBeGreaterThan(0);
    expect(xmlProblems('<a/><b/>').length).toBeGreaterThan(0);
  });
});
