/** The headline figures of the business case, set large: when it pays back, what it earns, what it is worth. */
import { resultWords } from '../../wording.ts';
import { customerValueTerms, statesRenewals } from '../../customer-value.ts';
import type { SequenceSlide } from '../../schema/template.ts';
import { figures, text } from '../blocks.ts';
import { body } from '../layout.ts';
import {
  horizonYears,
  joinAnd,
  keyFigures,
  titleOf,
  type BuiltSlide,
  type Ctx,
} from '../context.ts';

/** The case's point in one sentence: when it pays back and what it leaves. */
export function headlineSentence(ctx: Ctx): string {
  const s = ctx.result.summary;
  const w = resultWords(ctx.money);
  const years = horizonYears(ctx);
  const gp = w.money(s.grossProfit);
  if (s.paybackMonth === null)
    return `The case does not pay back within ${years}: ${gp} of gross profit against ${w.money(s.totalCosts)} of costs`;
  // What the partner keeps is gross profit less its own costs of adding the line: a finance
  // reader takes the costs off first, so the sentence does too.
  const keeps =
    s.netCash > 0
      ? `keep ${w.money(s.netCash)} over ${years} after your costs`
      : `earn ${gp} of gross profit over ${years}, before your costs`;
  if (s.paybackMonth === 0) return `You are cash-positive from the start and ${keeps}`;
  return `You break even ${w.payback(s.paybackMonth, ctx.result.assumptions.horizonMonths).prose} and ${keeps}`;
}

/**
 * The case's slower scenario in one sentence: a finance reader asks what happens if it goes
 * worse before reading the rest, and a deck that shows only the expected case reads as a pitch.
 */
function downside(ctx: Ctx): string {
  const r = ctx.result;
  const lower = r.scenarios.find((sc) => sc.id === 'lower');
  if (!lower) return '';
  const w = resultWords(ctx.money);
  const m = lower.multipliers;
  const less = (x: number) => w.percent(Math.abs(1 - x));
  const payback = w.payback(lower.summary.paybackMonth, r.assumptions.horizonMonths);
  return `With ${less(m.newCustomersPerMonth)} fewer customers, each worth ${less(m.valuePerCustomer)} less, and a ramp ${less(m.ramp)} longer: net present value ${w.money(lower.summary.npv)}, break-even ${payback.prose}.`;
}

export function headlineSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const r = ctx.result;
  const w = resultWords(ctx.money);
  const a = r.assumptions;
  const f = keyFigures(ctx);
  const years = horizonYears(ctx);
  const g = ctx.grid;
  const b = body(g);
  const noteH = 0.5;
  const topH = (b.h - noteH - 2 * g.gutter) * 0.58;
  const lowH = b.h - noteH - 2 * g.gutter - topH;
  const main = figures(
    ctx,
    [
      {
        value: f.payback,
        label:
          r.summary.paybackMonth === null
            ? `No break-even within ${years}`
            : 'Break-even: the month cumulative cash turns positive',
      },
      { value: f.grossProfit, label: `Gross profit over ${years}` },
      {
        value: f.npv,
        label: `Net present value at ${w.percent(a.discountRateAnnual)} a year`,
      },
    ],
    { ...b, h: topH },
  );
  const secondary = figures(
    ctx,
    [
      { value: f.irr, label: 'Internal rate of return (yearly)' },
      { value: f.roi, label: `Return on investment over ${years}` },
      // "0% recurs" is not a headline: a line of one-off fees shows its first year instead.
      (r.summary.recurringShare ?? 0) >= 0.005
        ? { value: f.recurringShare, label: 'Share of gross profit that recurs' }
        : { value: w.money(r.yearly[0]?.grossProfit ?? 0), label: 'Gross profit in year 1' },
    ],
    { ...b, y: b.y + topH + g.gutter, h: lowH },
    { max: Math.round(ctx.style.type.figure * 0.6) },
  );
  // Renewals only where the case earns on them: a referral fee is paid once, so a renewal rate
  // beside it reads as a lever that moves nothing.
  const renews = statesRenewals(r);
  const assumptions = [
    `Assumes ${joinAnd([
      `${w.customers(a.newCustomersPerMonth, 'new customer')} a month at steady state`,
      ...customerValueTerms(r.streams, a, w),
      `the first deal in ${w.month(a.monthsToFirstDeal)}`,
      ...(renews ? [`${w.percent(a.renewalRate)} of customers renewing each year`] : []),
    ])}.`,
    downside(ctx),
  ]
    .filter(Boolean)
    .join(' ');
  return {
    title: titleOf(ctx, spec, headlineSentence(ctx)),
    blocks: [
      ...main,
      ...secondary,
      text(
        ctx,
        [assumptions],
        { ...b, y: b.y + b.h - noteH, h: noteH },
        {
          max: ctx.style.type.small,
          min: 9,
          color: ctx.theme.colours.muted,
          valign: 'bottom',
        },
      ),
    ],
    notes: `${r.sentence} NPV ${f.npv}, payback ${f.paybackProse}, IRR ${f.irrProse}, ROI ${f.roi}. Scenarios (NPV): ${r.scenarios.map((sc) => `${sc.label} ${w.money(sc.summary.npv)}`).join(', ')}.${r.notes.length ? ` Notes: ${r.notes.join(' ')}` : ''}`,
  };
}
