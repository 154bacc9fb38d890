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

/** Inner margins of a text frame, in inches (the renderer writes them in points). */
export interface Inset {
  x: number;
  y: number;
}

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
  inset: Inset;
  /** Hanging indent of bulleted paragraphs, in inches. */
  indent?: number;
  /** Space after each paragraph but the last, in points. */
  paraGap?: number;
}

/** A big number with its label: one text frame, the value on the first line. */
export interface FigureBlock {
  type: 'figure';
  box: Box;
  label: string;
  value: string;
  labelSize: number;
  valueSize: number;
  color: Hex;
  labelColor: Hex;
  fill?: Hex;
  align: 'left' | 'center';
  inset: Inset;
}

/** A filled rectangle: brand bands, card backgrounds, accent rules. */
export interface ShapeBlock {
  type: 'shape';
  box: Box;
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
  /** Bars run left to right (a ranking) instead of up. */
  horizontal?: boolean;
  stacked: boolean;
  title: string;
  /** Category labels; an empty label leaves its tick unlabelled (monthly lines label quarters or years). */
  categories: string[];
  series: ChartSeries[];
  colors: Hex[];
  /** Excel number format for the value axis and value labels, e.g. `"$"#,##0,"K"`. */
  valueFormat: string;
  /** A legend, only where there are several series. */
  showLegend: boolean;
  /** Write each value on its bar. */
  showValues?: boolean;
  /** A tick mark every nth category (monthly lines: every quarter). */
  tickEvery?: number;
  /** Axis and legend text size, in points. */
  fontSize: number;
}

export interface TableBlock {
  type: 'table';
  box: Box;
  header: string[];
  rows: string[][];
  colW: number[];
  rowHeights: number[];
  fontSize: number;
  /** Alignment of each column: figures right-aligned. */
  align: ('left' | 'right')[];
  /** Inner cell margins, in inches (the renderer writes them in points). */
  margin: Inset;
  headerFill: Hex;
  headerColor: Hex;
  color: Hex;
  border: Hex;
  /** Fill of every other body row. */
  stripe: Hex;
  /** The last row is a total: set in bold. */
  totalRow?: boolean;
}

export interface ImageBlock {
  type: 'image';
  box: Box;
  /** A `data:` URL: images are embedded, never fetched or read from a path. */
  data: string;
  alt: string;
}

export type Block = TextBlock | FigureBlock | ChartBlock | TableBlock | ImageBlock | ShapeBlock;

export interface Slide {
  kind: SlideKind;
  /** The action title: a sentence that states the slide's point. The title and closing slides draw their own. */
  title: string;
  titleSize: number;
  /** Section label shown above the title ("Your money"). */
  section?: string;
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
    surface: Hex;
    chart: Hex[];
  };
  fonts: { heading: string; body: string };
  logo: { data: string; box: Box; alt: string };
  /** Footer text of the master slide, fitted to one line. */
  footer: string;
  footerSize: number;
  /** Size of the section label above each title, in points. */
  sectionSize: number;
  /** Where the master draws the title, section label, footer and its rule (from the grid). */
  frame: {
    section: Box;
    title: Box;
    rule: Box;
    footer: Box;
    pageNumber: Box;
  };
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
