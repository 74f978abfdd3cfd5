// Money: integer fen in the API, yuan with up to two decimals on the screen. No floating point.
export function fenToYuan(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(Math.trunc(fen));
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

// "1234", "1234.5", "1,234.56" → fen; null for anything else (negative, three decimals, text).
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

// The check character of an 18-character resident ID number (GB 11643): the expected one, or null
// when the first 17 characters are not digits. The server checks the rest (birth date).
export function idCheckChar(id: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return null;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * w[i];
  return '10X98765432'[sum % 11];
}
