// `zhucun stats`: the roll-up of a run in the format asked for.
import type { RenderOptions } from '../../reporters/render.js';
import type { RunResult } from '../../types.js';
import { renderCsv } from './csv.js';
import { statsData } from './data.js';
import { renderMarkdown } from './markdown.js';
import { renderStylish } from './stylish.js';

export { statsData, STATS_VERSION, type StatsData, type StatsRow, type RankedCounty, type TeamSize, type Level } from './data.js';
export { statsTables, type Table } from './tables.js';

export const STATS_FORMATS = ['stylish', 'json', 'csv', 'markdown'] as const;
export type StatsFormat = (typeof STATS_FORMATS)[number];

export interface StatsOptions extends RenderOptions {
  /** Colour escapes are wanted (stylish on a terminal). */
  readonly color?: boolean;
}

export function renderStats(result: RunResult, format: StatsFormat, options: StatsOptions): string {
  const data = statsData(result, options);
  switch (format) {
    case 'stylish':
      return renderStylish(data, options.lang, options.color === true);
    case 'json':
      return `${JSON.stringify(data, null, 2)}\n`;
    case 'csv':
      return renderCsv(data, options.lang);
    case 'markdown':
      return renderMarkdown(data, options.lang);
  }
}
