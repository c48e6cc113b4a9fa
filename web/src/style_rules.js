// How a place is drawn: its holder gives the colour, its status the outline.
// Colours are assigned in the order of the conflict profile's sides, then by
// a stable hash of the holder's name, so a holder keeps its colour across
// days and reloads.

const PALETTE = ['#c0392b', '#2471a3', '#7d3c98', '#1e8449', '#d68910', '#17a589',
                 '#a04000', '#5d6d7e', '#b03a2e', '#1f618d'];
const NO_HOLDER = '#9e9e9e';

export const STATUSES = ['held', 'contested', 'besieged', 'claimed'];

export const STATUS_LABELS = {
  held: 'held',
  contested: 'contested (fighting in or for it)',
  besieged: 'besieged',
  claimed: 'claimed (unconfirmed)',
};

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; ++i) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export class HolderColours {
  constructor(sides) {
    this.fixed = new Map();
    (sides || []).forEach((name, i) => {
      if (i < PALETTE.length) this.fixed.set(name, PALETTE[i]);
    });
  }

  colour(holder) {
    if (!holder) return NO_HOLDER;
    if (this.fixed.has(holder)) return this.fixed.get(holder);
    return PALETTE[hash(holder) % PALETTE.length];
  }
}

const RADIUS = {
  'national-capital': 10,
  'provincial-capital': 8,
  'admin1': 7,
  'district-seat': 5,
  'city': 4,
};

// Leaflet path options for a control row.
export function markerStyle(row, colours) {
  const fill = colours.colour(row.holder);
  const challenger = row.challenger ? colours.colour(row.challenger) : '#222';
  let radius = RADIUS[row.kind] || 4;
  if (row.byDefault) radius = Math.max(3, radius - 2);
  const style = {radius, color: '#ffffff', weight: 1, fillColor: fill, fillOpacity: 0.9,
                 opacity: 1, dashArray: null};
  switch (row.status) {
    case 'contested':
      Object.assign(style, {color: '#e67e22', weight: 3, dashArray: '4 3', fillOpacity: 0.45});
      break;
    case 'besieged':
      Object.assign(style, {color: challenger, weight: 4});
      break;
    case 'claimed':
      Object.assign(style, {color: challenger, weight: 3, dashArray: '1 4', fillOpacity: 0.6});
      break;
    default:
      break;
  }
  if (row.byDefault) style.fillOpacity = 0.45;
  if (row.kind === 'admin1') {
    // A province as a whole: a wide ring around its capital, in the holder's
    // colour when held, else in the status's outline.
    style.radius = 14;
    style.fillOpacity = 0.1;
    if (row.status === 'held') Object.assign(style, {color: fill, weight: 3});
  }
  return style;
}
