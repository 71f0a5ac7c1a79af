import type { Speaker } from './index.ts';
import type { ArticleText, Person } from './types.ts';

/**
 * A people.json entry for a speaker the articles name and nobody listed: the id the engine already gives
 * them (promoting them changes no quote id and no URL), the name, the first article's description as the
 * role, the pronoun, and only the forms of the name its articles print on their own.
 */
export function suggestEntry(speaker: Speaker, articles: ArticleText[]): Person {
  const quoting = new Set(speaker.descriptions.map((d) => d.article));
  const texts = articles
    .filter((a) => quoting.size === 0 || quoting.has(a.id))
    .flatMap((a) => a.paragraphs.map((p) => p.text))
    .join('\n');
  const seen = speaker.aliases.filter((alias) =>
    // printed on its own, not as part of the full name ("Reyes said", not the "Daniel" of "Daniel Reyes")
    new RegExp(
      `(?<![\\p{L}])(?<!\\p{Lu}[\\p{L}.'’-]*\\s)${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}]|\\s+\\p{Lu})`,
      'u',
    ).test(texts),
  );
  return {
    id: speaker.id,
    name: speaker.name,
    role: speaker.descriptions[0]?.text ?? speaker.role,
    pronoun: speaker.pronoun,
    aliases: [...new Set([speaker.name, ...seen])],
  };
}
