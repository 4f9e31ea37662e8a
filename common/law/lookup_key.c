/*  lookup_key — identity and phone numbers as typed, where the result is.
    See lookup_key.h.                                                        */
#include <ctype.h>
#include <string.h>
#include <stdio.h>
#include "lookup_key.h"

static bool
s_digits (const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!isdigit ((unsigned char) text [i]))
            return false;
    return true;
}

int
lookup_id_check (const char *text)
{
    size_t len = text ? strlen (text) : 0;
    if ((len == 9 || len == 10 || len == 12) && s_digits (text, 0, len))
        return 0;
    if (len == 14 && text [10] == '-' && s_digits (text, 0, 10) && s_digits (text, 11, 14))
        return 0;                   //  a branch's tax code
    return -1;
}

int
lookup_phone_key (const char *text, char *out, size_t size)
{
    char digits [32];
    size_t n = 0;
    if (!text)
        return -1;
    for (const char *p = text; *p; p++) {
        if (isdigit ((unsigned char) *p)) {
            if (n + 1 >= sizeof digits)
                return -1;
            digits [n++] = *p;
        }
        else
        if (!strchr (" .-()", *p) && !(*p == '+' && p == text))
            return -1;
    }
    digits [n] = 0;
    const char *national = digits;
    char with_zero [32];
    if (n >= 11 && digits [0] == '8' && digits [1] == '4') {
        //  +84 912…, and the common +84 (0) 912…
        snprintf (with_zero, sizeof with_zero, "%s%s", digits [2] == '0' ? "" : "0", digits + 2);
        national = with_zero;
    }
    else
    if (text [0] == '+')
        return -1;                  //  a foreign number
    size_t len = strlen (national);
    //  0 then a non-zero digit: mobiles 10 digits, landlines (02…) 11
    if (national [0] != '0' || national [1] == '0' || national [1] == 0
    ||  !(len == 10 || (len == 11 && national [1] == '2')))
        return -1;
    if (len + 1 > size)
        return -1;
    memcpy (out, national, len + 1);
    return 0;
}

static const struct {
    const char *status;
    const char *place, *text;
    const char *postal_place, *postal_text;
} s_places [] = {
    { "received", "processing", "Chưa có kết quả: hồ sơ đang được giải quyết", NULL, NULL },
    { "in_process", "processing", "Chưa có kết quả: hồ sơ đang được giải quyết", NULL, NULL },
    { "withdrawal_requested", "processing", "Chưa có kết quả: đang xử lý đề nghị rút hồ sơ", NULL, NULL },
    { "supplement_requested", "supplement", "Chưa có kết quả: chờ người nộp bổ sung hồ sơ", NULL, NULL },
    { "resolved", "counter", "Kết quả đã có, chờ trả tại Bộ phận Một cửa",
                  "postal", "Kết quả đã có, đang chuyển trả qua dịch vụ bưu chính công ích" },
    { "returned", "returned", "Đã trả kết quả tại Bộ phận Một cửa",
                  "returned", "Đã trả kết quả qua dịch vụ bưu chính công ích" },
    { "withdrawn", "withdrawn", "Không có kết quả: người nộp đã rút hồ sơ", NULL, NULL },
    { "closed", "closed", "Không có kết quả: hồ sơ đã đóng (không bổ sung đúng hạn)", NULL, NULL },
};

static int
s_place (const char *status)
{
    for (size_t i = 0; i < sizeof s_places / sizeof s_places [0]; i++)
        if (status && strcmp (status, s_places [i].status) == 0)
            return (int) i;
    return -1;
}

const char *
lookup_result_place (const char *status, bool postal)
{
    int i = s_place (status);
    if (i < 0)
        return "unknown";
    return postal && s_places [i].postal_place ? s_places [i].postal_place : s_places [i].place;
}

const char *
lookup_result_place_text (const char *status, bool postal)
{
    int i = s_place (status);
    if (i < 0)
        return "Không rõ";
    return postal && s_places [i].postal_text ? s_places [i].postal_text : s_places [i].text;
}
