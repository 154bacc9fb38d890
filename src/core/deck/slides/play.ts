/**
 * A partner-to-partner play the deck's type is part of (data/plays.yaml): the customer need and
 * every partner's part, credit and earnings, so the prospect sees it is paid for its part and
 * not asked to give a deal away. Left out when the type is in no play.
 */
import type { SequenceSlide } from '../../schema/template.ts';
import { resultWords, horizonWords } from '../../wording.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W } from '../layout.ts';
import { table, text } from '../blocks.ts';
import { titleOf, type Ctx, type BuiltSlide } from '../context.ts';

export function playSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const play = ctx.plays![0]!;
  const words = resultWords(ctx.money);
  const need = 0.9;
  const rows = play.partners.map((p) => [
    p.self ? `${p.name} (${ctx.prospect.company})` : p.name,
    p.role,
    p.credit.join(', '),
    words.money(p.net),
  ]);
  const top = BODY_Y + need + 0.15;
  const grid = table(
    ctx,
    ['Partner', 'Part', 'Credit', `Earnings over ${horizonWords(play.horizonMonths)}`],
    rows,
    { x: MARGIN, y: top, w: BODY_W, h: BODY_H - need - 1.3 },
    [3, 1.6, 2, 1.6],
    { max: 16, min: 10 },
  );
  const below = grid.box.y + grid.box.h + 0.25;
  return {
    title: titleOf(ctx, spec, `${play.name}: every partner is paid for its part`),
    blocks: [
      text(
        ctx,
        [`“${play.customerNeed}”`],
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: need },
        { max: 20, min: 12 },
      ),
      grid,
      text(
        ctx,
        [
          `${play.leadName} leads. Each partner earns from its own part on the same ${words.customers(play.customers, 'joint customer')} at ${words.money(play.dealValue)} of first-year contract value each, after what the partners pay each other, and gets its own credit with ${ctx.vendor.name}.`,
        ],
        { x: MARGIN, y: below, w: BODY_W, h: Math.max(0.6, BODY_Y + BODY_H - below) },
        { max: 16, min: 11 },
      ),
    ],
    notes: `When to start it: ${play.trigger} ${play.leadName} leads: ${play.leadWhy} Each partner's earnings are its own business case on the same ${words.customers(play.customers, 'joint customer')} at ${words.money(play.dealValue)} of first-year contract value each: gross profit after what the partners pay each other, before each partner's own costs. Every partner gets its own credit with ${ctx.vendor.name}; none is split from another's.`,
  };
}
