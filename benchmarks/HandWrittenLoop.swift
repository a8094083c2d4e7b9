// A minimal hand-written loop of the same algorithm (markov Pong, dense table, visits,
// epsilon-greedy with random ties, linear schedules), with raw pointers and no abstractions:
// the yardstick for the generic trainer. `swiftc -O benchmarks/HandWrittenLoop.swift -o /tmp/hand && /tmp/hand`
@inline(__always) func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
var s0: UInt64 = 0x1234, s1: UInt64 = 0x5678, s2: UInt64 = 0x9abc, s3: UInt64 = 0xdef0
@inline(__always) func next() -> UInt64 { let r = rotl(s1 &* 5, 7) &* 9; let t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45); return r }
@inline(__always) func below(_ n: UInt64) -> Int { Int(next().multipliedFullWidth(by: n).high) }
let P = 12, Y = 16, X = 18, count = P * Y * X * 4 * 2
let q = UnsafeMutablePointer<Double>.allocate(capacity: count); q.initialize(repeating: 0, count: count)
let v = UnsafeMutablePointer<Int64>.allocate(capacity: count); v.initialize(repeating: 0, count: count)
var total = 0
let clock = ContinuousClock(); let start = clock.now
for episode in 0..<6000 {
  let progress = Double(episode) / 5400
  let eps = progress >= 1 ? 0 : 0.3 * (1 - progress), alpha = progress >= 1 ? 0.01 : 1 - 0.99 * progress
  var paddle = 10, bx = 25 + below(26), by = below(31), dx = 3, dy = 3, lives = 3, steps = 0
  @inline(__always) func state() -> Int { (((paddle + 3) / 3) * (Y * X * 4) + ((by + 3) / 3) * (X * 4) + ((bx - 1) / 3) * 4 + (dx > 0 ? 2 : 0) + (dy > 0 ? 1 : 0)) * 2 }
  var s = state()
  while true {
    var a: Int
    if Double(next() >> 11) * 0x1p-53 < eps { a = below(2) } else { let x = q[s], y = q[s + 1]; a = x > y ? 0 : (x < y ? 1 : below(2)) }
    paddle = min(max(paddle + (a == 0 ? 3 : -3), -3), 30)
    bx &+= dx; by &+= dy; var r = 0.0
    if bx <= 3 || bx > 50 { dx = -dx; if bx <= 3 { if Double(paddle + 10) >= Double(by) - 2.5 && Double(paddle) <= Double(by) + 2.5 { r = 10 } else { r = -10; lives -= 1; if lives > 0 { bx = 25 + below(26); by = below(31); dx = 3; dy = 3 } } } }
    if by < 0 || by > 40 { dy = -dy }
    steps &+= 1
    let done = lives <= 0
    let s2 = state()
    let target = done ? r : r + 0.9 * max(q[s2], q[s2 + 1])
    q[s + a] += alpha * (target - q[s + a]); v[s + a] &+= 1
    s = s2
    if done || steps >= 3000 { break }
  }
  total += steps
}
let d = clock.now - start; let sec = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
print(total, sec, Double(total) / sec / 1e6, "M steps/s")
