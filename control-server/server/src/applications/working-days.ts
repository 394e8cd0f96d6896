/**
 * The moment `days` working days after `from`, counting Monday to Friday in the county's time zone.
 * Public holidays and the swapped weekend working days of the State Council calendar are not known
 * to the server, so a target that spans a holiday is earlier than the department's own count.
 */
export function addWorkingDays(from: Date, days: number, timeZone: string): Date {
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" });
  const at = new Date(from);
  let counted = 0;
  while (counted < days) {
    // Whole days keep the local time of day; the county has no daylight saving time to shift it.
    at.setTime(at.getTime() + 24 * 3600 * 1000);
    const day = weekday.format(at);
    if (day !== "Sat" && day !== "Sun") counted++;
  }
  return at;
}
