/**
 * Seeded random streams with common random numbers.
 *
 * A stream is named; its 32-bit key is derived from (run seed, stream name) with seedrandom's xor4096
 * generator. A draw is a pure function of (stream key, agent id, step, slot): a counter-based hash, so
 * an agent's draw never depends on what other agents drew or on how many draws the policy caused.
 * This is what makes two scenarios run with the same seed differ by policy effects only.
 */
import seedrandom from 'seedrandom';

/** Finalizer of a 32-bit integer hash (lowbias32, Wellons); good avalanche, ~1 ns. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

const INV_2_32 = 1 / 4294967296;

/** A named source of uniform draws keyed by (agent, step, slot). */
export interface RandomStream {
  readonly name: string;
  /** 32-bit key derived from the run seed and the stream name. */
  readonly key: number;
  /** Uniform in [0, 1) for this agent at this step; `slot` (0..255) gives further independent draws. */
  uniform(agent: number, step: number, slot?: number): number;
  /** Standard normal for this agent at this step (Box–Muller on slots 2k and 2k+1). */
  normal(agent: number, step: number, slot?: number): number;
}

/** Uniform draw as a free function, for hot loops that hoist `key` out of the loop. */
export function uniformAt(key: number, agent: number, step: number, slot = 0): number {
  // Two rounds: the first mixes (stream, agent), the second adds (step, slot). Each round is a full
  // avalanche, so nearby agents, steps and slots give unrelated draws.
  const a = mix32((key ^ Math.imul(agent + 1, 0x9e3779b1)) >>> 0);
  return mix32((a + Math.imul(step * 256 + slot + 1, 0x85ebca77)) >>> 0) * INV_2_32;
}

/** Standard normal draw as a free function (Box–Muller, cosine branch). */
export function normalAt(key: number, agent: number, step: number, slot = 0): number {
  const u1 = uniformAt(key, agent, step, 2 * slot);
  const u2 = uniformAt(key, agent, step, 2 * slot + 1);
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * The radius of normalAt(key, agent, step, slot): √(−2 ln(1 − u₁)) of its first uniform, so
 * |normalAt(key, agent, step, slot)| ≤ normalRadiusAt(key, agent, step, slot). One uniform and no
 * cosine: code can tell from it alone when a normal draw cannot matter.
 */
export function normalRadiusAt(key: number, agent: number, step: number, slot = 0): number {
  return Math.sqrt(-2 * Math.log(1 - uniformAt(key, agent, step, 2 * slot)));
}

/** Largest radius of any normal draw: √(−2 ln 2⁻³²) ≈ 6.6604 for the smallest 1 − u of a 32-bit uniform, rounded up. */
export const NORMAL_RADIUS_MAX = 6.67;

/** Derives a stream key from the run seed and a stream name with seedrandom's fast xor4096 generator. */
export function streamKey(seed: number, name: string): number {
  return seedrandom.xor4096(`${seed}:${name}`).int32() >>> 0;
}

/** Creates one named stream (use a {@link StreamRegistry} so duplicate names are caught). */
export function createStream(seed: number, name: string): RandomStream {
  const key = streamKey(seed, name);
  return {
    name,
    key,
    uniform: (agent, step, slot = 0) => uniformAt(key, agent, step, slot),
    normal: (agent, step, slot = 0) => normalAt(key, agent, step, slot),
  };
}

/** Largest run seed: seeds are 32-bit unsigned integers. */
export const SEED_MAX = 0xffffffff;

/** All streams of one run; a name may be registered once (two decisions sharing a stream would couple them). */
export class StreamRegistry {
  private readonly streams = new Map<string, RandomStream>();
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) {
      throw new RangeError(`StreamRegistry: seed must be an integer in [0, ${SEED_MAX}], got ${seed}`);
    }
  }
  /** Registers and returns the stream `name`; throws if the name is already taken. */
  register(name: string): RandomStream {
    if (this.streams.has(name)) throw new Error(`StreamRegistry: duplicate random stream name "${name}"`);
    const s = createStream(this.seed, name);
    this.streams.set(name, s);
    return s;
  }
  /** Names registered so far, in registration order. */
  names(): string[] {
    return [...this.streams.keys()];
  }
}

/** A sequential generator (uniform [0,1)) for work that is not agent-keyed, e.g. designs and bootstraps. */
export function sequentialRng(seed: number | string): () => number {
  return seedrandom.xor4096(String(seed));
}
