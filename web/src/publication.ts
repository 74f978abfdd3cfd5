// A publication as the bureau sees it (docs/disclosure.md) and the masking of its text.
export interface Span {
  kind: string; start: number; end: number; original?: string; masked?: string; source: string;
  decision: string | null; decided_by?: string | null; decided_at?: string | null;
}
export interface Publication {
  id: number; kind: string; status: string; case_id: number; unit_code: string; decision_no: string; decided_on: string;
  due_on: string | null; overdue: boolean; late: boolean; party: string; penalty: string; fine: string; authority: string;
  title: string; text?: string; masked_text?: string; spans?: Span[]; reviewer_name?: string | null; published_at?: string | null;
  withdrawn_at?: string | null; withdraw_reason?: string | null; version: number;
}
export const SPAN_KINDS = ['id_number', 'phone', 'bank_account', 'email', 'address', 'name', 'health'];

// Offsets are in code points (docs/disclosure.md), so the text is split into code points.
export const chars = (text: string) => Array.from(text);

// The text as it would be published: every span decided (or to be decided) "mask" becomes '*'.
export function applyMask(text: string, spans: { start: number; end: number; decision: string | null }[]): string {
  const c = chars(text);
  for (const s of spans) if (s.decision === 'mask') for (let i = s.start; i < s.end && i < c.length; i++) c[i] = '*';
  return c.join('');
}

// Pieces of the text for display: plain runs and spans, each span with its index.
export function pieces(text: string, spans: { start: number; end: number }[]): { text: string; span: number }[] {
  const c = chars(text);
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start);
  const out: { text: string; span: number }[] = [];
  let at = 0;
  for (const s of order) {
    if (s.start < at) continue; // overlapping spans show as the first one
    if (s.start > at) out.push({ text: c.slice(at, s.start).join(''), span: -1 });
    out.push({ text: c.slice(s.start, s.end).join(''), span: s.i });
    at = s.end;
  }
  if (at < c.length) out.push({ text: c.slice(at).join(''), span: -1 });
  return out;
}
