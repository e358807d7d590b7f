/**
 * A folder's own page: `README.md`, `index.md`, or Hugo's section page `_index.md`. A pattern kept
 * so is named by its folder, and a link to the folder leads to it.
 */
export const FOLDER_PAGE_FILE = /^(?:readme|_?index)\.(?:md|markdown)$/i;

/** Whether a file name (no folders) is a folder's own page (see `FOLDER_PAGE_FILE`). */
export function isFolderPage(name: string): boolean {
  return FOLDER_PAGE_FILE.test(name);
}
