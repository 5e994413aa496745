#!/bin/sh
# Regenerates speech_en_16k.wav, the bundled sample the --self-test (and the demo) play instead of a microphone.
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). 16 kHz mono s16le: the service's input format.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp --suffix=.wav)
espeak-ng -v en-us -s 150 -w "$tmp" "Good morning everyone. Thank you for coming. Today we translate speech live."
sox "$tmp" -r 16000 -c 1 -b 16 -e signed-integer speech_en_16k.wav
rm -f "$tmp"
