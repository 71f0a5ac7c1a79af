/**
 * An article dropped into content/ is read with no code change, whoever it quotes and however it
 * prints its quotation marks: a copy of the project gets two new articles (one British style) that
 * quote a person nobody listed in people.json, and the build names her everywhere a listed person is.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, ROOT } from '../../src/cli/project-copy.ts';

const AMERICAN = `---
title: "Abductees' families meet Trump in Tokyo"
outlet: npr
event: tokyo-2017
published: 2017-11-06
---

TOKYO -- Relatives of Japanese citizens abducted by North Korea met President Donald Trump on Monday.

Sakie Yokota, the mother of Megumi Yokota, who was abducted in 1977 at the age of 13, said the meeting gave her hope. “He listened to every word about my daughter," Yokota said.

Trump spoke with Abe after the meeting.
`;

const BRITISH = `---
title: "Trump hears the abductees' mothers"
outlet: reuters
event: tokyo-2017
published: 2017-11-06
---

TOKYO (Reuters) - Mrs Sakie Yokota, whose daughter Megumi was snatched from a beach in Niigata in the '70s, didn't hold back.

'He listened to every word about my daughter,' said Mrs Yokota, 81. 'We have waited forty years for the abductees to come home.'
`;

let dir = '';
let output = '';
const read = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T;

beforeAll(async () => {
  dir = copyProject('parallax-open-world-');
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'content/articles/npr-abductee-families-2017.md'), AMERICAN);
  writeFileSync(join(dir, 'content/articles/reuters-abductee-mothers-2017.md'), BRITISH);
  const result = await astroBuild(dir, {}, 240_000);
  output = result.output;
  expect(result.status, result.output).toBe(0);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface QuoteRow {
  id: string;
  article: string;
  speaker: string | null;
  speakerName: string | null;
  speakerListed: boolean | null;
  text: string;
  statement: string;
}

describe('a person nobody listed, quoted by two outlets in two quotation styles', () => {
  it('is one speaker, named and marked as not listed, in quotes.json', () => {
    const quotes = json<QuoteRow[]>('data/quotes.json').filter((q) => q.article.includes('abductee'));
    expect(quotes.map((q) => q.text)).toEqual([
      'He listened to every word about my daughter,',
      'He listened to every word about my daughter,',
      'We have waited forty years for the abductees to come home.',
    ]);
    for (const q of quotes) {
      expect(q.speaker, output).toBe('sakie-yokota');
      expect(q.speakerName).toBe('Sakie Yokota');
      expect(q.speakerListed).toBe(false);
    }
    const listed = json<QuoteRow[]>('data/quotes.json').filter((q) => q.speaker === 'trump');
    expect(listed.every((q) => q.speakerListed === true)).toBe(true);
  });

  it('aligns the two outlets’ versions into one statement of hers', () => {
    const statements =
      json<Array<{ id: string; speaker: string | null; speakerListed: boolean | null; outlets: string[] }>>(
        'data/statements.json',
      );
    const hers = statements.filter((s) => s.speaker === 'sakie-yokota');
    expect(hers.some((s) => s.outlets.includes('npr') && s.outlets.includes('reuters'))).toBe(true);
    expect(hers.every((s) => s.speakerListed === false)).toBe(true);
  });

  it('gets a person page that says she was found in the articles, with how each describes her', () => {
    const page = read('people/sakie-yokota/index.html');
    expect(page).toContain('Found in the articles');
    expect(page).toContain('the mother of Megumi Yokota');
    expect(page).toContain('whose daughter Megumi was snatched from a beach in Niigata in the');
  });

  it('appears by name in the abductees topic table', () => {
    expect(read('topics/abductees/index.html')).toContain('Sakie Yokota');
  });
});
