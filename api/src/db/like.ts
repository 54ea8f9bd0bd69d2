/**
 * LIKE patterns built from text an operator typed, whose wildcards (% and _) must match literally.
 * The escape character is '!', not a backslash: MariaDB and SQLite read '!' in a literal alike
 * (a backslash escapes only in MariaDB's string literals; SQLite has no default LIKE escape, so
 * '\%' there is a backslash followed by a wildcard). Always pair with `LIKE :p ESCAPE '!'`.
 */
export const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

/** `%text%`: contains the text. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** `text%`: starts with the text (an index range on the column). */
export const prefixPattern = (text: string): string => `${escapeLike(text)}%`;
