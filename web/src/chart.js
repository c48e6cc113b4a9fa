// A bar chart of places changing hands per day, drawn as plain SVG.

import {clear, svg} from './dom.js';
import {toDays, toIso} from './dates.js';

const HEIGHT = 90;
const PAD_LEFT = 26;
const PAD_BOTTOM = 18;

// changes: [{date, status}], first/last: ISO dates, current: ISO date.
export function drawChart(container, changes, first, last, current, onPick) {
  clear(container);
  const firstDay = toDays(first);
  const days = Math.max(1, toDays(last) - firstDay + 1);
  const confirmed = new Array(days).fill(0);
  const claimed = new Array(days).fill(0);
  for (const c of changes) {
    const i = toDays(c.date) - firstDay;
    if (i < 0 || i >= days) continue;
    if (c.status === 'claimed') claimed[i] += 1;
    else confirmed[i] += 1;
  }
  const max = Math.max(1, ...confirmed.map((n, i) => n + claimed[i]));
  const width = Math.max(300, container.clientWidth || 600);
  const barWidth = (width - PAD_LEFT) / days;
  const plotHeight = HEIGHT - PAD_BOTTOM;
  const y = (n) => plotHeight - (n / max) * (plotHeight - 6);

  const root = svg('svg', {width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
                           role: 'img', 'aria-label': 'Places changing hands per day'});
  root.append(svg('line', {x1: PAD_LEFT, x2: width, y1: plotHeight, y2: plotHeight, class: 'axis'}));
  root.append(svg('text', {x: PAD_LEFT - 4, y: y(max) + 4, class: 'tick', 'text-anchor': 'end'}, String(max)));
  root.append(svg('text', {x: PAD_LEFT - 4, y: plotHeight, class: 'tick', 'text-anchor': 'end'}, '0'));

  for (let i = 0; i < days; ++i) {
    const date = toIso(firstDay + i);
    const x = PAD_LEFT + i * barWidth;
    const total = confirmed[i] + claimed[i];
    const group = svg('g', {class: date === current ? 'day current' : 'day', dataset: {date}});
    group.append(svg('title', {}, `${date}: ${confirmed[i]} confirmed, ${claimed[i]} claimed`));
    // A full-height hit area so that empty days can be clicked too.
    group.append(svg('rect', {x, y: 0, width: Math.max(barWidth, 1), height: plotHeight, class: 'hit'}));
    if (confirmed[i] > 0) {
      group.append(svg('rect', {x: x + 0.5, y: y(confirmed[i]), width: Math.max(barWidth - 1, 1),
                                height: plotHeight - y(confirmed[i]), class: 'bar confirmed'}));
    }
    if (claimed[i] > 0) {
      group.append(svg('rect', {x: x + 0.5, y: y(total), width: Math.max(barWidth - 1, 1),
                                height: y(confirmed[i]) - y(total), class: 'bar claimed'}));
    }
    group.addEventListener('click', () => onPick(date));
    root.append(group);
  }
  const cur = toDays(current) - firstDay;
  if (cur >= 0 && cur < days) {
    const x = PAD_LEFT + (cur + 0.5) * barWidth;
    root.append(svg('line', {x1: x, x2: x, y1: 0, y2: plotHeight, class: 'cursor'}));
  }
  // Month / endpoint labels.
  root.append(svg('text', {x: PAD_LEFT, y: HEIGHT - 4, class: 'tick'}, first));
  root.append(svg('text', {x: width - 2, y: HEIGHT - 4, class: 'tick', 'text-anchor': 'end'}, last));
  container.append(root);
}
