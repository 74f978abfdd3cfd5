import { i18n } from './i18n';
import { fenToYuan } from './money';

// An integrity flag's reason in the user's language, from the numbers the server shows with it
// (docs/case-facts.md); the server's own English reason when the kind is unknown.
export interface FlagLike { kind: string; reason: string; shown: Record<string, unknown> }

export function flagText(f: FlagLike): string {
  const t = i18n.global.t;
  const x = f.shown ?? {};
  const yuan = (v: unknown) => (typeof v === 'number' ? fenToYuan(v) : '');
  if (f.kind === 'discretion')
    return t('flags.text.discretion', { fine: yuan(x.fine_fen), article: String(x.article ?? ''), circ: t('facts.circ.' + String(x.circumstances ?? 'ordinary')),
      min: yuan(x.tier_min_fen), max: yuan(x.tier_max_fen), goods: yuan(x.goods_value_fen) });
  if (f.kind === 'unfiled') return t('flags.text.unfiled', { due: String(x.due_on ?? '') });
  if (f.kind === 'criminal_transfer') return t('flags.text.criminal_transfer', { threshold: String(x.threshold ?? '') });
  return f.reason;
}
