/** In-page anchors shared by the Markdown plugins and the pages that link to them. */

/** DOM id of the body paragraph at 1-based position `index`. */
export function paragraphId(index: number): string {
  return `p${index}`;
}

/** DOM id of the article page's note naming a speaker (null: the unattributed quotes). */
export function speakerNoteId(person: string | null): string {
  return `speaker-${person ?? 'unattributed'}`;
}
