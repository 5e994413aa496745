#!/usr/bin/env bash
# Regenerate the speech fixtures in this directory (needs espeak-ng and sox; Debian: apt-get install espeak-ng sox).
#
# speech_en_16k.wav  16 kHz mono s16 WAV, three English sentences separated by 1.5 s of digital silence, so a VAD
#                    with silence_duration_ms <= 1000 splits it into exactly three segments.
# speech_en_16k.json where each sentence starts and ends (ms), for tests that check VAD timing. Each sentence is
#                    trimmed of espeak's own leading/trailing near-silence first (sox `silence`, 0.5 % = -46 dBFS),
#                    so the boundaries below are where audible speech begins and ends.
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

LEAD_S=0.5     # silence before the first sentence
PAUSE_S=1.5    # silence between sentences (>= 1.2 s so VAD sees three segments)
TAIL_S=1.0     # silence after the last sentence
sentences=(
  "Good morning everyone and welcome to the meeting."
  "Today we will talk about live translation."
  "Please ask your questions at the end."
)

pieces=()
for i in "${!sentences[@]}"; do
  espeak-ng -v en-us -s 160 -w "$work/raw$i.wav" "${sentences[$i]}"
  sox "$work/raw$i.wav" -r 16000 -c 1 -b 16 -e signed-integer "$work/s$i.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
  pieces+=("$work/s$i.wav")
done

sox -n -r 16000 -c 1 -b 16 -e signed-integer "$work/lead.wav" trim 0 "$LEAD_S"
sox -n -r 16000 -c 1 -b 16 -e signed-integer "$work/pause.wav" trim 0 "$PAUSE_S"
sox -n -r 16000 -c 1 -b 16 -e signed-integer "$work/tail.wav" trim 0 "$TAIL_S"
sox "$work/lead.wav" "${pieces[0]}" "$work/pause.wav" "${pieces[1]}" "$work/pause.wav" "${pieces[2]}" \
  "$work/tail.wav" speech_en_16k.wav

# Segment boundaries from exact sample counts.
{
  echo '{"sample_rate": 16000, "segments": ['
  pos=$(soxi -s "$work/lead.wav")
  pause=$(soxi -s "$work/pause.wav")
  for i in "${!pieces[@]}"; do
    n=$(soxi -s "${pieces[$i]}")
    sep=$([ "$i" -lt $((${#pieces[@]} - 1)) ] && echo "," || echo "")
    printf '  {"start_ms": %d, "end_ms": %d, "text": "%s"}%s\n' \
      $((pos * 1000 / 16000)) $(((pos + n) * 1000 / 16000)) "${sentences[$i]}" "$sep"
    pos=$((pos + n + pause))
  done
  echo ']}'
} > speech_en_16k.json
echo "wrote speech_en_16k.wav ($(soxi -D speech_en_16k.wav) s) and speech_en_16k.json"
