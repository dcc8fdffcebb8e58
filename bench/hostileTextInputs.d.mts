// Types of hostileTextInputs.mjs for the test suite that imports it (tests/hostile/hostileText.test.ts).
import type { Grid } from "../src/core/grid";

export const SEED_001: string;
export function seedText(): string;
export const TOWNS: string[];
export const TEXTS: Record<string, () => string>;
export function cell(text: string, max?: number): string;
export const ODD_SHEET_NAMES: string[];
export function breakdownGrid(name: string, text: string, rows?: number): Grid;
export function bigGrid(text: string, rows?: number, cols?: number): Grid;
export function longHeaderGrid(text?: string): Grid;
export function subtotalGrid(towns?: number): Grid;
export function growthGrid(towns?: number): Grid;
export function crossCheckGrids(n?: number): Grid[];
export function progressGrids(towns?: number): Grid[];
export function planNoLineBreaks(): string;
export function planManyLines(): string;
export function planWithTexts(texts?: string[]): string;
export function planWideHeader(columns?: number, rows?: number): string;
export const PLAN_TEXTS: Record<string, () => string>;
export function zip(entries: { name: string; data: string | Buffer }[]): Buffer;
export function xlsxOf(grids: (Grid & { hidden?: boolean })[]): Buffer;
export function docxOf(paragraphs: string[], table?: string[][]): Buffer;
export function docxPlan(texts?: string[]): Buffer;
export function returnGrid(town: string, text: string, rows?: number): Grid;
export function junkRowsReturn(town: string, rows?: number): Grid;
export function returnCases(): Record<string, Grid[]>;
