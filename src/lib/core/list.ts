/**
 * List fields typed as text, one rule per kind of list, so the same text gives the same items in every builder.
 */

/**
 * Items that may contain spaces (group names, display names): separated by commas or line breaks, surrounding
 * whitespace trimmed, empty items dropped. Used for every "groups" field.
 */
export function splitList(text: string): string[] {
  return text
    .split(/[,\r\n]+/u)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Items that never contain spaces (host names, addresses, network ranges): separated by commas, semicolons or any
 * whitespace, empty items dropped.
 */
export function splitWords(text: string): string[] {
  return text.split(/[\s,;]+/u).filter((item) => item.length > 0);
}

/** The text form of a list for a one-line field: items joined by a comma and a space. */
export function joinList(items: readonly string[]): string {
  return items.join(', ');
}
