/**
 * Closed-form queueing results, the yardsticks the validation tests hold the simulator to.
 *
 * Notation: lambda = arrival rate, mu = service rate per server, c = servers, rho = utilization,
 * L / Lq = mean number in system / in queue, W / Wq = mean time in system / in queue.
 * Little's law (L = lambda W, Lq = lambda Wq) links the two halves of every result.
 * Unless noted, formulas are from Gross, Shortle, Thompson & Harris, "Fundamentals of Queueing
 * Theory" (4th ed., 2008), chapter 2 (Markovian queues) and 5.1 (M/G/1).
 *
 * Every function returns finite numbers or throws an Error naming the unstable load.
 */
import { pow } from '../engine/math.ts';

export interface QueueMetrics {
  /** Utilization of each server. */
  rho: number;
  L: number;
  Lq: number;
  W: number;
  Wq: number;
}

export interface MmcMetrics extends QueueMetrics {
  /** Probability an arriving item has to wait (Erlang C). */
  pWait: number;
}

export interface Mm1kMetrics extends QueueMetrics {
  /** Probability an arriving item finds the system full and is turned away. */
  pBlock: number;
}

export interface TandemStage {
  lambda: number;
  mu: number;
  c: number;
}

/** M/M/1: rho = lambda/mu, L = rho/(1-rho), W = 1/(mu-lambda) (Gross et al. 2.2). */
export function mm1(lambda: number, mu: number): QueueMetrics {
  positive('lambda', lambda);
  positive('mu', mu);
  const rho = lambda / mu;
  stable('M/M/1', rho);
  const W = 1 / (mu - lambda);
  const Wq = rho / (mu - lambda);
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq };
}

/**
 * Erlang B, the blocking probability of M/M/c/c with offered load a = lambda/mu.
 * Recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): every term stays in [0, 1], unlike
 * the textbook ratio of a^c/c! to a partial exponential sum, which overflows for large c.
 */
export function erlangB(c: number, a: number): number {
  servers(c, true);
  if (!(a >= 0 && Number.isFinite(a))) throw new RangeError(`offered load a must be at least 0, got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C, the probability of waiting in M/M/c with offered load a = lambda/mu < c, from
 * Erlang B by C = c B / (c - a (1 - B)) (Gross et al. 2.3; stable for any c).
 */
export function erlangC(c: number, a: number): number {
  servers(c);
  if (!(a >= 0 && Number.isFinite(a))) throw new RangeError(`offered load a must be at least 0, got ${a}`);
  stable(`M/M/${c}`, a / c);
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c: Wq = C(c, a) / (c mu - lambda), W = Wq + 1/mu (Gross et al. 2.3). */
export function mmc(lambda: number, mu: number, c: number): MmcMetrics {
  positive('lambda', lambda);
  positive('mu', mu);
  servers(c);
  const a = lambda / mu;
  const pWait = erlangC(c, a);
  const Wq = pWait / (c * mu - lambda);
  const W = Wq + 1 / mu;
  return { rho: a / c, L: lambda * W, Lq: lambda * Wq, W, Wq, pWait };
}

/** M/D/1, deterministic service S: Pollaczek-Khinchine with no service variance, Wq = rho S / (2 (1 - rho)). */
export function md1(lambda: number, serviceTime: number): QueueMetrics {
  return mg1(lambda, serviceTime, 0);
}

/**
 * M/G/1 by the Pollaczek-Khinchine mean-value formula (Gross et al. 5.1.1):
 * Wq = lambda E[S^2] / (2 (1 - rho)), with E[S^2] = varS + meanS^2.
 */
export function mg1(lambda: number, meanS: number, varS: number): QueueMetrics {
  positive('lambda', lambda);
  positive('mean service time', meanS);
  if (!(varS >= 0 && Number.isFinite(varS))) {
    throw new RangeError(`service time variance must be at least 0, got ${varS}`);
  }
  const rho = lambda * meanS;
  stable('M/G/1', rho);
  const Wq = (lambda * (varS + meanS * meanS)) / (2 * (1 - rho));
  const W = Wq + meanS;
  return { rho, L: lambda * W, Lq: lambda * Wq, W, Wq };
}

/**
 * M/M/1/K: at most K items in the system (one in service), arrivals beyond that are lost.
 * Always stable. p_n is proportional to rho^n for n = 0..K (Gross et al. 2.5); summing the
 * terms directly avoids the 0/0 of the closed form at rho = 1, and for rho > 1 the weights
 * are taken relative to n = K so nothing overflows. W and Wq are for admitted items, through
 * Little's law with the effective arrival rate lambda (1 - pBlock).
 */
export function mm1k(lambda: number, mu: number, K: number): Mm1kMetrics {
  positive('lambda', lambda);
  positive('mu', mu);
  if (!Number.isInteger(K) || K < 1)
    throw new RangeError(`capacity K must be a whole number of at least 1, got ${K}`);
  const rho = lambda / mu;
  const ratio = rho <= 1 ? rho : 1 / rho;
  let total = 0;
  let weightedN = 0;
  let w = 1;
  for (let i = 0; i <= K; i++) {
    const n = rho <= 1 ? i : K - i;
    total += w;
    weightedN += n * w;
    w *= ratio;
  }
  const p0 = (rho <= 1 ? 1 : pow(ratio, K)) / total;
  const pBlock = (rho <= 1 ? pow(ratio, K) : 1) / total;
  const L = weightedN / total;
  const Lq = L - (1 - p0);
  const admitted = lambda * (1 - pBlock);
  return { rho: 1 - p0, L, Lq, W: L / admitted, Wq: Lq / admitted, pBlock };
}

/**
 * Mean sojourn through M/M/c stations in series. By Jackson's theorem (Jackson 1957, "Networks
 * of waiting lines"; Burke 1956 for the Poisson departures) each station behaves as an
 * independent M/M/c with the same arrival rate, so the sojourn times add.
 */
export function tandemSojourn(stages: readonly TandemStage[]): number {
  let total = 0;
  for (const { lambda, mu, c } of stages) total += mmc(lambda, mu, c).W;
  return total;
}

/**
 * Kingman's G/G/1 heavy-traffic approximation of the mean wait in queue (Kingman 1961,
 * "The single server queue in heavy traffic"; Hopp & Spearman, "Factory Physics", the VUT
 * equation): Wq = (ca2 + cs2)/2 * rho/(1 - rho) * meanS, where ca2 and cs2 are the squared
 * coefficients of variation of interarrival and service times. Exact for M/M/1 (ca2 = cs2 = 1).
 */
export function kingman(rho: number, ca2: number, cs2: number, meanS: number): number {
  positive('rho', rho);
  stable('G/G/1', rho);
  if (!(ca2 >= 0 && cs2 >= 0 && Number.isFinite(ca2 + cs2))) {
    throw new RangeError(`squared coefficients of variation must be at least 0, got ${ca2} and ${cs2}`);
  }
  positive('mean service time', meanS);
  return ((ca2 + cs2) / 2) * (rho / (1 - rho)) * meanS;
}

function positive(name: string, value: number): void {
  if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`${name} must be positive, got ${value}`);
}

function servers(c: number, allowZero = false): void {
  const least = allowZero ? 0 : 1;
  if (!Number.isInteger(c) || c < least) {
    throw new RangeError(`servers c must be a whole number of at least ${least}, got ${c}`);
  }
}

function stable(model: string, rho: number): void {
  if (!(rho < 1)) {
    throw new Error(`${model} is unstable: utilization rho = ${rho} must be below 1 for a steady state`);
  }
}

/**
 * Mean of the largest of independent exponentials with the given rates: the mean time to join
 * parallel branches that never queue. By inclusion and exclusion over the branches,
 * E[max] = sum over nonempty subsets S of (-1)^(|S|+1) / (sum of the rates in S); for n equal
 * rates mu that is the harmonic sum H_n / mu = sum_{k=1..n} 1 / (k mu).
 */
export function meanMaxOfExponentials(rates: readonly number[]): number {
  if (rates.length === 0 || rates.length > 20)
    throw new RangeError(`the largest of 1 to 20 exponentials, not ${rates.length}`);
  for (const mu of rates) positive('rate', mu);
  let mean = 0;
  for (let subset = 1; subset < 1 << rates.length; subset++) {
    let rate = 0;
    let size = 0;
    rates.forEach((mu, i) => {
      if (subset & (1 << i)) {
        rate += mu;
        size++;
      }
    });
    mean += (size % 2 === 1 ? 1 : -1) / rate;
  }
  return mean;
}

/**
 * Fork-join of two M/M/1 queues: each arrival (rate lambda) forks into one task per queue
 * (service rate mu each) and is done when both are. Its mean response time is exact for two
 * servers: R = (12 - rho) / 8 x 1 / (mu - lambda), rho = lambda / mu (Flatto and Hahn 1984;
 * Nelson and Tantawi, "Approximate analysis of fork/join synchronization in parallel queues",
 * IEEE Trans. Computers 37(6), 1988).
 */
export function forkJoinTwoMm1(lambda: number, mu: number): number {
  positive('lambda', lambda);
  positive('mu', mu);
  const rho = lambda / mu;
  stable('fork-join of two M/M/1 queues', rho);
  return ((12 - rho) / 8) * (1 / (mu - lambda));
}

/** One class of work at a single server: its arrival rate and the first two moments of its service time. */
export interface PriorityClass {
  lambda: number;
  meanS: number;
  /** E[S^2]: 2 meanS^2 for exponential service, meanS^2 for constant. */
  secondMomentS: number;
}

/**
 * M/G/1 with non-preemptive static priorities, classes listed most urgent first: Cobham's
 * formula (1954), Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), where W0 = sum lambda_i
 * E[S_i^2] / 2 is the mean residual work found in service and sigma_k = rho_1 + ... + rho_k
 * (Gross et al. 3.4.1). With one class it is Pollaczek-Khinchine. Returns each class's
 * mean wait in queue, in the order given.
 */
export function cobham(classes: readonly PriorityClass[]): number[] {
  const w0 = classes.reduce((s, k) => s + (k.lambda * k.secondMomentS) / 2, 0);
  let before = 0;
  return classes.map((k) => {
    const through = before + k.lambda * k.meanS;
    if (through >= 1) throw new Error(`cobham: unstable, the load up to this class is ${through}`);
    const wait = w0 / ((1 - before) * (1 - through));
    before = through;
    return wait;
  });
}
