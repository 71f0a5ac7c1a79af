/**
 * A byline as a reader says it: "By Scott Neuman"; a line that credits only contributors
 * ("Ariana King (contributing)", as Nikkei prints it) becomes "Ariana King contributed".
 */
export function bylineText(byline: string | undefined): string | undefined {
  if (!byline?.trim()) return undefined;
  const contributors = /^(.+?)\s*\(contributing\)$/i.exec(byline.trim())?.[1];
  return contributors ? `${contributors} contributed` : `By ${byline.trim()}`;
}
