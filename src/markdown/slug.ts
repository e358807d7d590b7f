/**
 * Anchors the way GitHub makes them for headings: lower-case, punctuation
 * dropped, spaces to hyphens, repeats numbered `-1`, `-2`… A space at either
 * end stays, as on GitHub: the heading `<a id="x"></a> Details` reads
 * ` Details` once its HTML is gone, and its anchor is `-details`.
 */
export function headingSlug(text: string): string {
  return (
    text
      .toLowerCase()
      // (Numbers that are digits or letters, `3`, `Ⅻ`; not other number signs, `②`, `²`, `½`, which
      // GitHub's ids drop.)
      .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
      .replace(/ /g, '-')
  );
}

export class SlugCounter {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = headingSlug(text);
    let slug = base;
    let count = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) {
      count++;
      slug = `${base}-${count}`;
    }
    this.seen.set(base, count);
    this.seen.set(slug, 0);
    return slug;
  }

  /** An id the author set (`{#key-decisions}`): taken as written, and counted so a later heading of that name gets `-1`. */
  claim(id: string): string {
    if (!this.seen.has(id)) this.seen.set(id, 0);
    return id;
  }
}
