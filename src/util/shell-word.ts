/** A word as a POSIX shell reads it back unchanged: as it is when it holds no special character, else in single quotes. */
export const shellWord = (word: string): string => (/^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);
