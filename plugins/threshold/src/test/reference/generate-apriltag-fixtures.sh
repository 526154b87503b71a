#!/bin/sh
# Regenerates the AprilTag 3 reference fixtures in ../resources/fixtures/apriltag from libapriltag-dev (3.3).
# Needs gcc and libapriltag-dev. Run from anywhere: sh plugins/threshold/src/test/reference/generate-apriltag-fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
images=${APRILTAG_TEST_IMAGES:-/work/shared/data/apriltag-test-images}
out="$here/../resources/fixtures/apriltag"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*.pgm "$out"/cases.txt

gcc -O2 -std=gnu11 -Wall -I/usr/include/apriltag -o "$work/apriltag_reference" "$here/apriltag_reference.c" \
    -lapriltag -lapriltag-utils -lm -lpthread
ref="$work/apriltag_reference"

# Crops of the three test photographs around their tags, converted to gray as apriltag_demo does (JPEG luma).
# 161x123 keeps the files small and leaves partial tiles at the right (161 = 40*4 + 1) and bottom (123 = 30*4 + 3).
"$ref" gray "$images/33369213973_9d9bb4cc96_c.jpg" "$out/photo1.pgm" 240 300 161 123 >/dev/null  # pjpeg prints a line per EXIF marker
"$ref" gray "$images/34085369442_304b6bafd9_c.jpg" "$out/photo2.pgm" 0 300 161 123 >/dev/null  # pjpeg prints a line per EXIF marker
"$ref" gray "$images/34139872896_defdb2f8d9_c.jpg" "$out/photo3.pgm" 280 280 161 123 >/dev/null  # pjpeg prints a line per EXIF marker

# Synthetic images: widths and heights at, just above and just below tile multiples, primes, a one-tile image.
for size in 4x4 5x7 7x4 13x9 33x17 64x48 207x13 97x101 641x19; do
    "$ref" synth "$out/synth-$size.pgm" "${size%x*}" "${size#*x}" 7
done

# cases.txt, read by the tests: "threshold <input> <min-white-black-diff> <expected>" or "decimate <input> <expected>".
cd "$work"
: > "$out/cases.txt"
for input in "$out"/photo*.pgm "$out"/synth-*.pgm; do
    name=$(basename "$input" .pgm)
    for mwbd in 5 0 40; do
        "$ref" threshold "$input" "$out/$name.threshold-mwbd$mwbd.pgm" "$mwbd"
        echo "threshold $name.pgm $mwbd $name.threshold-mwbd$mwbd.pgm" >> "$out/cases.txt"
    done
    "$ref" decimate "$input" "$out/$name.decimate2.pgm"
    echo "decimate $name.pgm $name.decimate2.pgm" >> "$out/cases.txt"
done
ls -l "$out" | awk '{ total += $5 } END { print NR - 1, "files,", total, "bytes" }'
