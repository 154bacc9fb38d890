// The site's icons: Lucide (lucide-static, ISC), inlined as SVG at build time by
// src/components/Icon.astro, so no icon font or sprite is fetched. One name per meaning:
// journey roles, revenue streams and actions, so the same idea wears the same icon everywhere.
import {
  ArrowRight,
  Banknote,
  BookOpen,
  Boxes,
  Briefcase,
  Calculator,
  CalendarClock,
  ChartColumn,
  Check,
  CircleDollarSign,
  Code,
  Compass,
  Download,
  FileDown,
  GraduationCap,
  HandCoins,
  Handshake,
  House,
  Info,
  Link2,
  Megaphone,
  Presentation,
  Printer,
  Receipt,
  RefreshCw,
  Scale,
  Search,
  ShoppingCart,
  Store,
  TriangleAlert,
  Wrench,
} from 'lucide-static';
import type { JourneyRole } from '../core/schema/partner-type.ts';
import type { StreamKind } from '../core/stream-kinds.ts';

export const ICONS = {
  // journey roles
  influence: Megaphone,
  transact: ShoppingCart,
  retain: RefreshCw,
  // revenue streams
  resale: Receipt,
  rebate: CircleDollarSign,
  mdf: Banknote,
  referral: HandCoins,
  services: Wrench,
  managed: Boxes,
  marketplace: Store,
  training: GraduationCap,
  ip: Code,
  other: Briefcase,
  // actions and places
  businessCase: Calculator,
  compare: Scale,
  stories: BookOpen,
  deck: Presentation,
  download: Download,
  file: FileDown,
  search: Search,
  guide: Compass,
  home: House,
  next: ArrowRight,
  paid: CalendarClock,
  deal: Handshake,
  chart: ChartColumn,
  check: Check,
  info: Info,
  warning: TriangleAlert,
  link: Link2,
  print: Printer,
} as const satisfies Record<JourneyRole | StreamKind, string> & Record<string, string>;

export type IconName = keyof typeof ICONS;

/** An icon's SVG, decorative (hidden from assistive technology: its text says what it means). */
export function iconSvg(name: IconName, className?: string): string {
  return ICONS[name]
    .replace(/<!--[\s\S]*?-->\s*/, '')
    .replace(/\s+class="[^"]*"/, '')
    .replace(/\s+width="24"\s+height="24"/, '')
    .replace(
      '<svg',
      `<svg class="icon${className ? ` ${className}` : ''}" aria-hidden="true" focusable="false"`,
    )
    .replace(/\s*\n\s*/g, ' ');
}
