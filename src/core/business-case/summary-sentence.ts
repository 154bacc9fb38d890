/** One sentence an owner or a CFO understands, in the vendor's currency and locale. */
import { formatPercent, type Money } from '../format.ts';
import { horizonWords, proseAmount, resultWords } from '../wording.ts';
import type { CaseSummary } from './types.ts';

export interface SentenceInput {
  lanes: readonly { name: string; weight: number; productName: string }[];
  summary: Pick<CaseSummary, 'paybackMonth' | 'grossProfit' | 'totalCosts' | 'recurringShare'>;
  horizonMonths: number;
  money: Money;
}

export { horizonWords, proseAmount };

const isAcronym = (name: string) => /^[A-Z]{2}/.test(name);

/** "managed service provider", but "MSP" stays as written. */
export const lowerName = (name: string): string =>
  isAcronym(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);

/** "a" or "an" for a noun phrase, by sound for the common cases. */
export function article(phrase: string): 'a' | 'an' {
  if (isAcronym(phrase)) return /^[AEFHILMNORSX]/.test(phrase) ? 'an' : 'a';
  const p = phrase.toLowerCase();
  if (/^(uni|use|usu|uti|eu|one)/.test(p)) return 'a';
  if (/^(hour|honest|honou?r)/.test(p)) return 'an';
  return /^[aeiou]/.test(p) ? 'an' : 'a';
}

const joinAnd = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function caseSentence({ lanes, summary, horizonMonths, money }: SentenceInput): string {
  const pct = (f: number) => formatPercent(Math.round(f * 100) / 100, money.locale);
  const words = resultWords(money);
  // Whole units, as the figures beside it: a cover that says $1,810,000 above a slide that says
  // $1,812,268 reads as an error to a finance lead, not as rounding.
  const amount = (v: number) => words.money(v);
  const subject =
    lanes.length === 1
      ? `${article(lanes[0]!.name)} ${lowerName(lanes[0]!.name)}`
      : `A partner that is ${joinAnd([...lanes].sort((a, b) => b.weight - a.weight).map((l) => `${pct(l.weight)} ${lowerName(l.name)}`))}`;
  const who = `${subject.charAt(0).toUpperCase()}${subject.slice(1)} adding ${joinAnd([...new Set(lanes.map((l) => l.productName))])}`;
  const over = horizonWords(horizonMonths);
  const gp =
    summary.grossProfit > 0 ? `${amount(summary.grossProfit)} gross profit` : 'no gross profit';
  const recurring =
    summary.grossProfit > 0 && summary.recurringShare !== null && summary.recurringShare >= 0.005
      ? `, ${pct(summary.recurringShare)} of it recurring`
      : '';
  if (summary.paybackMonth === null) {
    return `${who} does not break even within ${over}: it makes ${gp} against ${amount(summary.totalCosts)} of costs${recurring}.`;
  }
  const when =
    summary.paybackMonth === 0
      ? 'is cash-positive from the start'
      : `breaks even ${words.payback(summary.paybackMonth, horizonMonths).prose}`;
  return `${who} ${when} and makes ${gp} over ${over}${recurring}.`;
}
