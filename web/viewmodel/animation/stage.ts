/**
 * Where the animation draws things: each node's box on the network diagram's layout (the
 * same columns and rows as the network chart, from the scenario alone), and each item's
 * place as a token: queued items stacked in front of their node, items in service inside it,
 * finished items (waiting for room downstream among them) beside its exit, items a blocker
 * stopped in a row under it, items in transit along the route. Pure numbers;
 * the canvas draws them. A queue longer than its stack shows its first tokens and a count,
 * so the work per frame follows the items in view, not the items in the system.
 */
import type { NetworkLayout } from '../chart-data/network-layout.ts';
import type { FlowState, Phase } from './flow-state.ts';

export interface Box {
  x: number;
  y: number;
  hw: number;
  hh: number;
}

export interface Stage {
  width: number;
  height: number;
  /** A token's diameter, and the distance between neighbouring tokens. */
  token: number;
  pitch: number;
  boxes: Box[];
  arrival: { x: number; y: number };
  done: { x: number; y: number };
  /** Columns of a queue's stack in front of its node. */
  queueColumns: number;
  /** Tokens a stack column holds. */
  rows: number;
}

export interface Place {
  id: number;
  x: number;
  y: number;
  phase: Phase;
  demandClass: number;
  failed: boolean;
  batch: number;
  /** Stopped by a blocker, waiting on something outside the stream (held or put aside). */
  blocker: boolean;
}

/**
 * How many columns of nodes fit across a canvas `width` wide with each box wide enough for a
 * name and its servers (about 110 px) and a queue's stack in front of it: a longer chain wraps
 * onto further rows (the layout snakes, as the network chart's does).
 */
export function columnsFor(width: number, token = 8): number {
  const pitch = token * 1.25;
  return Math.max(1, Math.floor((width - pitch * 10) / (110 + pitch * 5) - 0.6));
}

/** The stage for a layout on a canvas `width` wide; its height follows the layout's rows. */
export function stageOf(layout: NetworkLayout, width: number, nodeCount: number, token = 8): Stage {
  const pitch = Math.round(token * 1.25 * 100) / 100;
  const queueColumns = 4;
  const margin = pitch * (queueColumns + 1);
  const inner = Math.max(1, width - 2 * margin);
  const spacing = inner / layout.columns;
  const hw = Math.max(pitch * 3, Math.min(spacing / 2 - pitch * (queueColumns + 0.5), pitch * 9));
  const rows = 6;
  const hh = (pitch * rows) / 2;
  const rowHeight = hh * 2 + pitch * 4;
  const height = Math.round(layout.height * rowHeight + pitch * 4);
  const top = pitch * 2;
  const usable = height - 2 * top;
  const at = (x: number, y: number) => ({ x: margin + x * inner, y: top + y * usable });
  const boxes: Box[] = Array.from({ length: nodeCount }, () => ({ x: 0, y: 0, hw, hh }));
  layout.nodes.forEach((n, i) => {
    const p = at(n.x, n.y);
    boxes[i] = { x: p.x, y: p.y, hw, hh };
  });
  return {
    width,
    height,
    token,
    pitch,
    boxes,
    arrival: at(layout.ends.arrival.x, layout.ends.arrival.y),
    done: at(layout.ends.done.x, layout.ends.done.y),
    queueColumns,
    rows,
  };
}

/** The most tokens a node's row of blocked work shows (its count says how many there are). */
export function blockedShown(stage: Stage, box: Box): number {
  return Math.max(1, Math.floor((box.hw * 2 - stage.pitch * 0.5) / stage.pitch));
}

/** Where a node's row of blocked work is: under the box, and its count under that. */
export function blockedRow(stage: Stage, box: Box): { x: number; y: number; label: number } {
  return {
    x: box.x - box.hw + stage.pitch * 0.75,
    y: box.y + box.hh + stage.pitch * 0.9,
    label: box.y + box.hh + stage.pitch * 2.2,
  };
}

/** The most tokens a node's queue shows; the rest are a count beside it. */
export function queueShown(stage: Stage): number {
  return stage.queueColumns * stage.rows;
}

/** Every item in view and where its token goes now. */
export function placeTokens(state: FlowState, stage: Stage): Place[] {
  const places: Place[] = [];
  const { pitch } = stage;
  const put = (id: number, x: number, y: number) => {
    const item = state.items.get(id);
    if (!item) return;
    places.push({
      id,
      x,
      y,
      phase: item.phase,
      demandClass: item.demandClass,
      failed: item.failedAt >= 0,
      batch: item.batch,
      blocker: item.blockedSince >= 0,
    });
  };
  const shown = queueShown(stage);
  state.nodes.forEach((node, n) => {
    const box = stage.boxes[n];
    const left = box.x - box.hw;
    const right = box.x + box.hw;
    const top = box.y - box.hh;
    // The queue: a stack in front of the node, first in line nearest it, filling columns leftwards.
    const queued = Math.min(node.queue.length, shown);
    for (let i = 0; i < queued; i++)
      put(
        node.queue[i],
        left - pitch * (0.75 + Math.floor(i / stage.rows)),
        top + pitch * (0.5 + (i % stage.rows)),
      );
    // In service: inside the box, below its name, in rows; an item a blocker stopped (its
    // person waiting with it) goes to the node's row of blocked work instead.
    const perRow = blockedShown(stage, box);
    const stopped: number[] = [];
    let serving = 0;
    for (const id of node.service) {
      if ((state.items.get(id)?.blockedSince ?? -1) >= 0) {
        stopped.push(id);
        continue;
      }
      if (serving === perRow * 3) continue;
      put(
        id,
        left + pitch * (0.75 + (serving % perRow)),
        box.y + pitch * (0.25 + Math.floor(serving / perRow)),
      );
      serving++;
    }
    // Blocked on something outside the stream, held or put aside: a row under the box.
    const row = blockedRow(stage, box);
    for (const id of node.aside) stopped.push(id);
    const blocked = Math.min(stopped.length, perRow);
    for (let i = 0; i < blocked; i++) put(stopped[i], row.x + pitch * i, row.y);
    // Finished here and not gone: beside the exit (blocked work waits here for room downstream).
    const held = Math.min(node.held.length, stage.rows * 2);
    for (let i = 0; i < held; i++)
      put(
        node.held[i],
        right + pitch * (0.75 + Math.floor(i / stage.rows)),
        top + pitch * (0.5 + (i % stage.rows)),
      );
  });
  // Arrived and not yet at a node: a stack at the door.
  const entering = Math.min(state.entering.length, shown);
  for (let i = 0; i < entering; i++)
    put(
      state.entering[i],
      stage.arrival.x - pitch * (0.5 + Math.floor(i / stage.rows)),
      stage.arrival.y + pitch * ((i % stage.rows) - (stage.rows - 1) / 2),
    );
  // In transit: along the route, as far as the handoff has gone.
  for (const id of state.transit) {
    const item = state.items.get(id);
    if (!item) continue;
    const to = stage.boxes[item.node];
    const from = item.from >= 0 ? stage.boxes[item.from] : undefined;
    const x0 = from ? from.x + from.hw : stage.arrival.x;
    const y0 = from ? from.y : stage.arrival.y;
    const span = item.until - item.since;
    const f = span > 0 ? Math.min(1, Math.max(0, (state.time - item.since) / span)) : 1;
    put(id, x0 + (to.x - to.hw - x0) * f, y0 + (to.y - y0) * f);
  }
  return places;
}
