/**
 * What the profile form saved, for the list it returns to to say so. A page change remounts the pages, so
 * the words are handed over here and taken once.
 */
let pending: string | null = null;

export function leaveSavedNotice(text: string): void {
  pending = text;
}

export function takeSavedNotice(): string | null {
  const text = pending;
  pending = null;
  return text;
}
