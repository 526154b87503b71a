// Reference outputs of AprilTag 3 (Debian libapriltag-dev 3.3) for the threshold plugin's tests.
//
//   apriltag_reference gray      <in.jpg> <out.pgm> <x> <y> <w> <h>   JPEG -> luma (pjpeg, as apriltag_demo), cropped
//   apriltag_reference synth     <out.pgm> <w> <h> <seed>             deterministic test pattern, boundary values
//   apriltag_reference threshold <in.pgm> <out.pgm> <mwbd>            AprilTag's own thresholded image
//   apriltag_reference decimate  <in.pgm> <out.pgm>                   image_u8_decimate(im, 2) (quad_decimate = 2)
//
// The library does not export threshold(), so "threshold" runs the detector with debug = 1, which writes the
// thresholded image to debug_threshold.pnm in the current directory: run it in a scratch directory.
// quad_decimate = 1 and quad_sigma = 0 make the detector threshold the input itself; nthreads = 1.
#include <apriltag/apriltag.h>
#include <apriltag/common/image_u8.h>
#include <apriltag/common/pjpeg.h>
#include <apriltag/tag36h11.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *path) {
    fprintf(stderr, "apriltag_reference: %s: %s\n", what, path);
    return 1;
}

static int gray(const char *in, const char *out, int x0, int y0, int w, int h) {
    int err = 0;
    pjpeg_t *pj = pjpeg_create_from_file(in, 0, &err);
    if (pj == NULL) return fail("cannot decode JPEG", in);
    image_u8_t *im = pjpeg_to_u8_baseline(pj);
    if (x0 < 0 || y0 < 0 || x0 + w > im->width || y0 + h > im->height) return fail("crop outside image", in);
    image_u8_t *crop = image_u8_create(w, h);
    for (int y = 0; y < h; y++) memcpy(&crop->buf[y * crop->stride], &im->buf[(y0 + y) * im->stride + x0], w);
    int rc = image_u8_write_pnm(crop, out);
    image_u8_destroy(crop);
    image_u8_destroy(im);
    pjpeg_destroy(pj);
    return rc ? fail("cannot write", out) : 0;
}

// A pattern that exercises every branch: the boundary values 0, 1, 127, 128, 254, 255 in random tiles, flat
// areas (low contrast, 127 in AprilTag's output), a ramp and noise, cut at awkward places by the image size.
static int synth(const char *out, int w, int h, uint32_t seed) {
    static const uint8_t edge[] = {0, 1, 127, 128, 254, 255};
    image_u8_t *im = image_u8_create(w, h);
    uint32_t s = seed * 2654435761u + 1;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            s = s * 1664525u + 1013904223u;
            uint32_t r = s >> 8;
            int region = ((x / 7) + (y / 5) * 3) % 5;
            uint8_t v;
            switch (region) {
                case 0: v = edge[r % 6]; break;                       // boundary values, pixel by pixel
                case 1: v = edge[((x / 3) + (y / 3)) % 6]; break;     // boundary values in small blocks
                case 2: v = 100 + (r % 4); break;                     // nearly flat: contrast below 5
                case 3: v = (uint8_t)((x * 255) / (w > 1 ? w - 1 : 1)); break;  // ramp
                default: v = r & 0xff; break;                         // noise
            }
            im->buf[y * im->stride + x] = v;
        }
    }
    int rc = image_u8_write_pnm(im, out);
    image_u8_destroy(im);
    return rc ? fail("cannot write", out) : 0;
}

static int threshold(const char *in, const char *out, int mwbd) {
    image_u8_t *im = image_u8_create_from_pnm(in);
    if (im == NULL) return fail("cannot read PGM", in);
    apriltag_family_t *tf = tag36h11_create();
    apriltag_detector_t *td = apriltag_detector_create();
    apriltag_detector_add_family(td, tf);
    td->quad_decimate = 1;
    td->quad_sigma = 0;
    td->nthreads = 1;
    td->refine_edges = 0;
    td->debug = 1;
    td->qtp.min_white_black_diff = mwbd;
    zarray_t *detections = apriltag_detector_detect(td, im);
    apriltag_detections_destroy(detections);
    apriltag_detector_destroy(td);
    tag36h11_destroy(tf);
    image_u8_destroy(im);
    image_u8_t *th = image_u8_create_from_pnm("debug_threshold.pnm");
    if (th == NULL) return fail("the detector wrote no", "debug_threshold.pnm");
    int rc = image_u8_write_pnm(th, out);
    image_u8_destroy(th);
    return rc ? fail("cannot write", out) : 0;
}

static int decimate(const char *in, const char *out) {
    image_u8_t *im = image_u8_create_from_pnm(in);
    if (im == NULL) return fail("cannot read PGM", in);
    image_u8_t *half = image_u8_decimate(im, 2);
    int rc = image_u8_write_pnm(half, out);
    image_u8_destroy(half);
    image_u8_destroy(im);
    return rc ? fail("cannot write", out) : 0;
}

int main(int argc, char **argv) {
    if (argc == 8 && !strcmp(argv[1], "gray"))
        return gray(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]), atoi(argv[6]), atoi(argv[7]));
    if (argc == 6 && !strcmp(argv[1], "synth"))
        return synth(argv[2], atoi(argv[3]), atoi(argv[4]), (uint32_t) strtoul(argv[5], NULL, 10));
    if (argc == 5 && !strcmp(argv[1], "threshold")) return threshold(argv[2], argv[3], atoi(argv[4]));
    if (argc == 4 && !strcmp(argv[1], "decimate")) return decimate(argv[2], argv[3]);
    fprintf(stderr, "usage: apriltag_reference gray|synth|threshold|decimate ... (see the source)\n");
    return 2;
}
