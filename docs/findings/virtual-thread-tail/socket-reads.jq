# jdk.SocketRead events (jfr print --json) -> how long each request waited in read before its thread had it,
# and on how many connections. Under 50 us: the request was already there and the thread never parked.
[(.recording.events // [])[] | select(.values.bytesRead > 0 and .values.duration != null)
 | {port: .values.port, t: .values.startTime, s: (.values.duration | sub("^PT"; "") | sub("S$"; "") | tonumber)}] as $r
| ($r | map(select(.s < 0.00005))) as $now
| ($r | map(select(.s >= 0.5))) as $long
| "requests read: \($r | length), on \($r | map(.port) | unique | length) connections\n"
  + "  at once (under 50 us): \($now | length), on \($now | map(.port) | unique | length) connections\n"
  + "  after 1 ms or more: \($r | map(select(.s >= 0.001)) | length)\n"
  + "  after 500 ms or more: \($long | length), on \($long | map(.port) | unique | length) connections; "
  + "longest: \((($r | map(.s) | max) // 0) * 1000 | floor) ms\n"
  + "  the 8 connections with the most requests read at once had \($now | group_by(.port) | map(length) | sort | reverse | .[0:8] | add // 0) of them"
  + "\n  one connection's reads in order, each its wait in ms (0: at once): "
  + ($r | group_by(.port) | (max_by(length) // []) | sort_by(.t) | map(.s * 1000 | floor | tostring) | join(" "))
