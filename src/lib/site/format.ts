/** Dates are shown and machine-readable in UTC so a build anywhere prints the same day. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function humanDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
