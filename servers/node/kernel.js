'use strict';
// The cpu workload's kernel, SplitMix64 as corelab.workloads.CpuKernel computes it, in 32-bit
// halves: JavaScript numbers are doubles (53 bits exact), so 64-bit wrapping arithmetic is done
// on two unsigned 32-bit words. BigInt would be exact too, but allocates a number per step.

// a * b mod 2^64, each as (hi, lo) unsigned 32-bit words; the product lands in productHi and
// productLo, not in a returned array: an array per step would make the kernel measure the allocator.
let productHi = 0, productLo = 0;
function mul64(ah, al, bh, bl) {
  // al * bl in full (64 bits) from 16-bit pieces: every partial product is exact in a double.
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const lo = ((mid & 0xffff) * 0x10000 + (p00 & 0xffff)) >>> 0;
  let hi = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  // The cross terms only reach the high word, and only their low 32 bits matter there.
  productHi = (hi + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
  productLo = lo;
}

// The seed as Java's long (two's complement) -> [hi, lo]; mixed [hi, lo] -> Long.toHexString.
function compute(seed, iterations) {
  const bits = BigInt.asUintN(64, seed);
  let sh = Number(bits >> 32n) >>> 0, sl = Number(bits & 0xffffffffn) >>> 0;
  let mh = 0, ml = 0;
  for (let i = 0; i < iterations; i++) {
    // state += 0x9E3779B97F4A7C15
    const sum = sl + 0x7F4A7C15;
    sl = sum >>> 0;
    sh = (sh + 0x9E3779B9 + (sum > 0xffffffff ? 1 : 0)) >>> 0;
    // z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
    let zh = sh, zl = sl;
    let xl = (zl ^ ((zl >>> 30) | (zh << 2))) >>> 0, xh = (zh ^ (zh >>> 30)) >>> 0;
    mul64(xh, xl, 0xBF58476D, 0x1CE4E5B9);
    zh = productHi;
    zl = productLo;
    // z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
    xl = (zl ^ ((zl >>> 27) | (zh << 5))) >>> 0;
    xh = (zh ^ (zh >>> 27)) >>> 0;
    mul64(xh, xl, 0x94D049BB, 0x133111EB);
    zh = productHi;
    zl = productLo;
    // mixed ^= z ^ (z >>> 31); state ^= mixed
    ml = (ml ^ zl ^ ((zl >>> 31) | (zh << 1))) >>> 0;
    mh = (mh ^ zh ^ (zh >>> 31)) >>> 0;
    sl = (sl ^ ml) >>> 0;
    sh = (sh ^ mh) >>> 0;
  }
  return mh === 0 ? ml.toString(16) : mh.toString(16) + ml.toString(16).padStart(8, '0');
}

module.exports = { compute };
