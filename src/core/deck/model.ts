/**
 * The deck model: slides as plain data, laid out and fitted, ready for one renderer.
 * Nothing here knows pptxgenjs; every string is already sanitised and sized to its box.
 * Units are inches on a 13.333 x 7.5 in (16:9) slide; colours are six hex digits without '#'.
 */
import type { SlideKind } from '../schema/template.ts';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Six upper-case hex digits, no '#': the only colour form the renderer writes (pptxgenjs #588). */
export type Hex = string;

export interface TextBlock {
  type: 'text';
  box: Box;
  /** One entry per paragraph, already wrapped-safe and shortened to fit. */
  paragraphs: string[];
  fontSize: number;
  font: 'heading' | 'body';
  color: Hex;
  bold?: boolean;
  bullets?: boolean | 'numbered';
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  fill?: Hex;
  /** Right-to-left paragraph direction (the text starts in a right-to-left script). */
  rtl?: boolean;
}

export interface FigureBlock {
  type: 'figure';
  box: Box;
  label: string;
  value: string;
  labelSize: number;
  valueSize: number;
  color: Hex;
  fill: Hex;
}

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartBlock {
  type: 'chart';
  box: Box;
  /** bar: clustered, or stacked when `stacked` (only ever with two or more series); line: one or more lines. */
  kind: 'bar' | 'line';
  stacked: boolean;
  title: string;
  categories: string[];
  series: ChartSeries[];
  colors: Hex[];
  /** Excel number format for the value axis, e.g. `"$"#,##0,"K"`. */
  valueFormat: string;
  showLegend: boolean;
  /** Show every nth category label (long monthly axes). */
  labelEvery?: number;
}

export interface TableBlock {
  type: 'table';
  box: Box;
  header: string[];
  rows: string[][];
  colW: number[];
  rowHeights: number[];
  fontSize: number;
  headerFill: Hex;
  headerColor: Hex;
  color: Hex;
  border: Hex;
}

export interface ImageBlock {
  type: 'image';
  box: Box;
  /** A `data:` URL: images are embedded, never fetched or read from a path. */
  data: string;
  alt: string;
}

export type Block = TextBlock | FigureBlock | ChartBlock | TableBlock | ImageBlock;

export interface Slide {
  kind: SlideKind;
  /** Shown in the title bar; the title slide draws its own. */
  title: string;
  titleSize: number;
  blocks: Block[];
  /** Speaker notes: the talk track. Never empty. */
  notes: string;
}

export interface DeckTheme {
  colours: {
    primary: Hex;
    secondary: Hex;
    accent: Hex;
    text: Hex;
    muted: Hex;
    background: Hex;
    chart: Hex[];
  };
  fonts: { heading: string; body: string };
  logo: { data: string; box: Box; alt: string };
  /** Footer text of the master slide, fitted to one line. */
  footer: string;
  footerSize: number;
}

export interface Deck {
  meta: {
    title: string;
    subject: string;
    author: string;
    /** Written unescaped by pptxgenjs: already free of XML specials (see `xmlInert`). */
    company: string;
    prospect: string;
    /** Id of the sequence that ordered the slides. */
    sequence: string;
    /** Partner type ids of the mix, largest weight first. */
    types: string[];
    /** Suggested file name, e.g. `veridane-acme-reseller.pptx`. */
    fileName: string;
  };
  theme: DeckTheme;
  slides: Slide[];
  /** The figures the deck states, as written on the business-case slide (for checks and talk tracks). */
  figures: Record<'npv' | 'irr' | 'payback' | 'roi' | 'grossProfit' | 'recurringShare', string>;
}
