/**
 * A partner-to-partner play the deck's type is part of (data/plays.yaml): the customer need and
 * every partner's part, credit and earnings, so the prospect sees it is paid for its part and
 * not asked to give a deal away. Left out when the type is in no play.
 */
import type { SequenceSlide } from '../../schema/template.ts';
import { horizonWords, resultWords } from '../../wording.ts';
import { body, BODY_BOTTOM, BODY_Y } from '../layout.ts';
import { table, text } from '../blocks.ts';
import { GENERIC_PROSPECT, titleOf, type BuiltSlide, type Ctx } from '../context.ts';
import type { PlayCard } from '../../ecosystem/plays.ts';

/**
 * The play a deck shows: one on the product its case is about, if any, else the one that pays
 * the deck's type the largest share of what the partners earn (a deck about Posture should not
 * show an incident-investigation play where the prospect earns a thirtieth of the integrator).
 */
export function playFor(plays: readonly PlayCard[], product: string | undefined): PlayCard {
  const share = (p: PlayCard) => {
    const total = p.partners.reduce((s, x) => s + Math.max(0, x.net), 0);
    const self = p.partners.find((x) => x.self)?.net ?? 0;
    return total > 0 ? self / total : 0;
  };
  const onProduct = plays.filter((p) => p.product === product);
  const pool = onProduct.length ? onProduct : plays;
  return pool.reduce((best, p) => (share(p) > share(best) ? p : best));
}

export function playSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const play = playFor(ctx.plays!, ctx.result.lanes[0]?.product);
  const words = resultWords(ctx.money);
  const need = 0.9;
  // A count a person says ("about 32 joint customers"), though the model's ramp leaves 31.9.
  const joint = words.wholeCount(play.customers, 'joint customer');
  // The ready decks' placeholder prospect reads "you" in its row, never "Your company" mid-line.
  const self = ctx.prospect.company === GENERIC_PROSPECT ? 'you' : ctx.prospect.company;
  // Estimates on a handful of joint customers: rounded as a person says them, not to the dollar.
  const rows = play.partners.map((p) => [
    p.self ? `${p.name} (${self})` : p.name,
    p.role,
    p.credit.join(', '),
    p.perCustomer === null ? '–' : words.proseMoney(p.perCustomer),
    words.proseMoney(p.net),
  ]);
  const grid = table(
    ctx,
    ['Partner', 'Part', 'Credit', 'Per joint customer', `Over ${horizonWords(play.horizonMonths)}`],
    rows,
    body(ctx.grid, 0, 12, BODY_Y + need + 0.15, BODY_BOTTOM - 1.1),
    { align: ['left', 'left', 'left', 'right', 'right'] },
  );
  const below = grid.box.y + grid.box.h + 0.25;
  return {
    title: titleOf(ctx, spec, `${play.name}: every partner is paid for its part`),
    blocks: [
      text(ctx, [`“${play.customerNeed}”`], body(ctx.grid, 0, 12, BODY_Y, BODY_Y + need), {
        max: ctx.style.type.body + 2,
        min: 12,
      }),
      grid,
      text(
        ctx,
        [
          `${play.leadName} leads. Over ${horizonWords(play.horizonMonths)} the play wins ${joint} at ${words.money(play.dealValue)} of first-year contract value each; each partner earns from its own part on those same customers, after what the partners pay each other, and gets its own credit with ${ctx.vendor.name}.`,
        ],
        body(ctx.grid, 0, 12, below, Math.max(below + 0.6, BODY_BOTTOM)),
        { max: ctx.style.type.body - 2, min: 11 },
      ),
    ],
    notes: `When to start it: ${play.trigger} ${play.leadName} leads: ${play.leadWhy} Each partner's earnings are its own business case on the same joint customers (${joint} over ${horizonWords(play.horizonMonths)}, at ${words.money(play.dealValue)} of first-year contract value each): gross profit after what the partners pay each other, before each partner's own costs. Every partner gets its own credit with ${ctx.vendor.name}; none is split from another's.`,
  };
}
