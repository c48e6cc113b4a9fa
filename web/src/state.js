// The page's state, mirrored in the URL hash so that a view can be shared:
// #date=2021-08-13&actor=Taliban&family=19&window=8&view=34.5,66.2,6&compare=2021-08-01

import {isIsoDate} from './dates.js';

const WINDOWS = new Set([1, 3, 8, 30]);

export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {};
  const date = params.get('date');
  if (isIsoDate(date)) state.date = date;
  const compare = params.get('compare');
  if (isIsoDate(compare)) state.compare = compare;
  const actor = params.get('actor');
  if (actor && actor.length <= 200) state.actor = actor;
  const family = params.get('family');
  if (family && /^\d{2,4}$/.test(family)) state.family = family;
  const windowDays = Number(params.get('window'));
  if (WINDOWS.has(windowDays)) state.window = windowDays;
  const view = (params.get('view') || '').split(',').map(Number);
  if (view.length === 3 && view.every(Number.isFinite) && Math.abs(view[0]) <= 90 &&
      Math.abs(view[1]) <= 180 && view[2] >= 0 && view[2] <= 18) {
    state.view = {lat: view[0], lon: view[1], zoom: view[2]};
  }
  return state;
}

export function writeHash(state) {
  const params = new URLSearchParams();
  if (state.date) params.set('date', state.date);
  if (state.actor) params.set('actor', state.actor);
  if (state.family) params.set('family', state.family);
  if (state.window) params.set('window', String(state.window));
  if (state.view) {
    params.set('view', `${state.view.lat.toFixed(3)},${state.view.lon.toFixed(3)},${state.view.zoom}`);
  }
  if (state.compare) params.set('compare', state.compare);
  return `#${params}`;
}
