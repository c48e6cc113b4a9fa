// Civil dates as "YYYY-MM-DD" strings and day numbers (days since
// 1970-01-01), with no time zone: the API speaks in days.

const MS_PER_DAY = 86400000;

export function isIsoDate(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return toIso(toDays(text)) === text;
}

export function toDays(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function toIso(days) {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso, n) {
  return toIso(toDays(iso) + n);
}

export function todayIso() {
  return new Date().toISOString().slice(0, 10);
}
