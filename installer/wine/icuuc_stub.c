/* A stand-in for Windows 10's system icuuc.dll, for Wine 8 only (which lacks it): a test aid, never shipped.
 *
 * Qt 6.11's Qt6Core.dll imports ICU's converter functions (ucnv_*) from the system ICU and uses them only for
 * encodings it does not convert itself. This stub reports every converter as unavailable (ucnv_open fails,
 * none are listed), so Qt falls back to its own UTF-8/UTF-16/Latin-1 codecs, exactly what the app uses.
 * On real Windows the real icuuc.dll is used; the installer never carries this file.
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o icuuc.dll icuuc_stub.c icuuc.def
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
enum { U_FILE_ACCESS_ERROR = 4 };

/* The Windows x64 calling convention lets the caller clean up its arguments, so a stub that is never reached
 * through an opened converter may ignore them: every converter function needs a converter, and none is opened. */
static void *nothing(void) { return NULL; }

void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err != NULL && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
int32_t ucnv_countAvailable(void) { return 0; }
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard;
    if (err != NULL && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
void ucnv_close(void *converter) { (void)converter; }
void ucnv_reset(void *converter) { (void)converter; }
void *ucnv_getMaxCharSize(void) { return nothing(); }
void *ucnv_getName(void) { return nothing(); }
void *ucnv_getToUCallBack(void) { return nothing(); }
void *ucnv_getFromUCallBack(void) { return nothing(); }
void *ucnv_setToUCallBack(void) { return nothing(); }
void *ucnv_setFromUCallBack(void) { return nothing(); }
void *ucnv_cbToUWriteUChars(void) { return nothing(); }
void *ucnv_cbFromUWriteUChars(void) { return nothing(); }
void *ucnv_toUnicode(void) { return nothing(); }
void *ucnv_fromUnicode(void) { return nothing(); }
void *ucnv_toUCountPending(void) { return nothing(); }
void *ucnv_fromUCountPending(void) { return nothing(); }
void *UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) { return nothing(); }
void *UCNV_TO_U_CALLBACK_SUBSTITUTE(void) { return nothing(); }
