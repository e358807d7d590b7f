import { randomBytes } from 'node:crypto';

/**
 * A per-process secret for the placeholders an article holds until the page
 * is written (a diagram to draw, a footnote reference to link): plain text the
 * sanitizer keeps, that nothing an author writes can pass for.
 */
export const SLOT_SECRET = randomBytes(9).toString('base64url');
