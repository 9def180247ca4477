/** The "what am I looking at" note for each chart: short enough to read out in a workshop. */
export const EXPLAIN = {
  network:
    'Each box is a node: a team, agent, service or gate. Its colour shows how busy it was (darker is busier) and the small bar on its left its average queue. Lines are the routes items took, wider for more items. The outlined node is the bottleneck, the busiest one: work waits longest in front of it.',
  histogram:
    'How long items took from arrival to done, over all replications. The tall bars are the typical items; the long right tail is the items customers waited longest for. p85 is the time 85% of items beat, a fair promise to make; p95 for the cautious.',
  scatter:
    'Each dot is one item of the first replication, placed at the time it was done and as high as its cycle time (from the start of work to done). A cloud drifting upward means the system is slowing down. The lines are percentiles over all replications.',
  cfd: 'How many items had reached each step by each moment (first replication). The height of a band is the work in that step; the horizontal distance across the bands is roughly the lead time. Bands running parallel mean steady flow; a band that widens is a queue building up.',
  wip: 'Items in the whole system (dark line) and waiting in each node’s queue over time (first replication). By Little’s law, at the same throughput twice the work in progress means twice the lead time.',
  utilisation:
    'How much of each node’s capacity was busy (the bar) against what the arrivals demand of it (the tick, offered load). Above about 85% queues grow quickly, at 100% without end: busy people do not make fast flow. “Waits” is the share of all lead time items spent queued for the node: the busiest node is not always where the time goes, and the constraint is where items wait longest.',
  intervals:
    'Each variant’s mean lead time (dot) with its 95% interval (whiskers) and its 85th percentile (diamond), on one axis. Intervals that do not overlap are differences to believe; the sentences above give the paired intervals, which are narrower.',
  overlay:
    'The lead-time distribution of each variant as shares of its own items, on shared axes, with each variant’s p85 dashed. A distribution further left and narrower is faster and more predictable.',
  compareWip:
    'Items in the system over time for each variant (first replication, the same arrivals in each). Lower is less work waiting for the same demand.',
  compareDone:
    'Items done so far for each variant (first replication). Lines that stay together mean the same throughput; the gap between a variant’s line and the arrivals is its work in progress.',
} as const;
