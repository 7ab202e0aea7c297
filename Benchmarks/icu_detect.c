// ICU's charset detector (ucsdet) as a filter for bench_detect.py: for each file named on the
// command line, prints "<name>\t<confidence>" of ICU's best match ("-" when none).
// Built by bench_detect.py at benchmark time: cc icu_detect.c -licui18n -licuuc.
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ucsdet.h>

int main(int argc, char **argv) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return 2;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { printf("-\t0\n"); continue; }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *bytes = malloc(size > 0 ? size : 1);
        size_t got = fread(bytes, 1, size, f);
        fclose(f);
        status = U_ZERO_ERROR;
        ucsdet_setText(detector, bytes, (int32_t)got, &status);
        const UCharsetMatch *match = ucsdet_detect(detector, &status);
        if (U_FAILURE(status) || !match) printf("-\t0\n");
        else printf("%s\t%d\n", ucsdet_getName(match, &status), ucsdet_getConfidence(match, &status));
        free(bytes);
    }
    ucsdet_close(detector);
    return 0;
}
