/*  report_citizen — the forms built on what citizens say, for a period:
      motcua report feedback PERIOD       feedback (PAKN): received, new, carried over, handled
      motcua report satisfaction PERIOD   2018 indicators, 2025 items, citizens' ratings
      motcua report 07b PERIOD            form II.07b: procedures by level   */
#include <czmq.h>
#include "report.h"
#include "vntime.h"
#include "period.h"

//  A period command: parse, ask (body set by the caller through set), print by show.
static int
s_period_command (int argc, char **argv, Motcua__V1__ReportingRequest__BodyCase body,
                  report_cli_show_fn *show)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "from,to,period", "calendar"))
        return EXIT_USAGE;
    Motcua__V1__ReportRequest report = MOTCUA__V1__REPORT_REQUEST__INIT;
    const char *text = cli_option (&cli, "period");
    period_kind_t kind;
    int year, number;
    int64_t from, to;
    if (text && !period_parse (text, &kind, &year, &number)) {
        report.period = (Motcua__V1__PeriodKind) kind;
        report.year = year;
        report.number = number;
        report.calendar = cli_flag (&cli, "calendar");
    }
    else
    if (!text && !vn_parse_date (cli_option (&cli, "from"), &from) && !vn_parse_date (cli_option (&cli, "to"), &to)) {
        report.from = from;
        report.to = to + MS_PER_DAY;
    }
    else {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua report feedback|satisfaction|07b --period KIND:YEAR[-N] [--calendar]"
                          " | --from YYYY-MM-DD --to YYYY-MM-DD");
    }
    Motcua__V1__PeriodRequest period = MOTCUA__V1__PERIOD_REQUEST__INIT;
    period.period = &report;
    Motcua__V1__ReportingRequest request = MOTCUA__V1__REPORTING_REQUEST__INIT;
    request.body_case = body;
    request.feedback_counts = &period;      //  the oneof's members share one slot
    return report_cli_run (&cli, "dashboard", &request, show, NULL);
}

static int
s_show_feedback (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__FeedbackCounts *c = reply->feedback_counts;
    if (cli->json) {
        json_t json;
        json_document (&json, stdout);
        json_int (&json, "received_total", c->received_total);
        json_int (&json, "received_new", c->received_new);
        json_int (&json, "carried_over", c->carried_over);
        json_int (&json, "handled", c->handled);
        json_int (&json, "in_progress", c->in_progress);
        json_int (&json, "regulation", c->regulation);
        json_int (&json, "conduct", c->conduct);
        json_end_document (&json);
    }
    else
        printf ("Tổng số phản ánh, kiến nghị đã tiếp nhận trong kỳ báo cáo: %lld, trong đó: số tiếp nhận mới"
                " trong kỳ: %lld; số từ kỳ trước chuyển qua: %lld; số phản ánh, kiến nghị về quy định hành chính:"
                " %lld; số phản ánh, kiến nghị về hành vi hành chính: %lld.\nĐã xử lý: %lld; đang xử lý: %lld.\n",
                (long long) c->received_total, (long long) c->received_new, (long long) c->carried_over,
                (long long) c->regulation, (long long) c->conduct, (long long) c->handled,
                (long long) c->in_progress);
    return 0;
}

static int
s_show_satisfaction (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__Satisfaction *s = reply->satisfaction;
    json_t json;
    if (cli->json) {
        json_document (&json, stdout);
        json_int (&json, "dossiers_2018", s->dossiers_2018);
        json_int (&json, "points_2018", s->points_2018);
        json_int (&json, "max_points_2018", s->max_points_2018);
        json_array (&json, "indicators_2018");
    }
    else
        printf ("Đánh giá theo Thông tư 01/2018/TT-VPCP (%lld hồ sơ, %lld/%lld điểm):\n",
                (long long) s->dossiers_2018, (long long) s->points_2018, (long long) s->max_points_2018);
    for (size_t i = 0; i < s->n_indicators_2018; i++) {
        const Motcua__V1__IndicatorScore *x = s->indicators_2018 [i];
        if (cli->json) {
            json_object (&json, NULL);
            json_int (&json, "number", x->number);
            json_string (&json, "name", x->name);
            json_int (&json, "two_points", x->two_points);
            json_int (&json, "one_point", x->one_point);
            json_int (&json, "zero_points", x->zero_points);
            json_int (&json, "not_assessed", x->not_assessed);
            json_end_object (&json);
        }
        else {
            printf ("  %d. ", x->number);
            cli_pad (x->name, 66);
            printf (" 2đ: %-6lld 1đ: %-6lld 0đ: %-6lld chưa đánh giá: %lld\n", (long long) x->two_points,
                    (long long) x->one_point, (long long) x->zero_points, (long long) x->not_assessed);
        }
    }
    if (cli->json) {
        json_end_array (&json);
        json_int (&json, "dossiers_2025", s->dossiers_2025);
        json_array (&json, "items_2025");
    }
    else
        printf ("Đánh giá theo Nghị định 118/2025/NĐ-CP, Điều 33 (%lld hồ sơ):\n", (long long) s->dossiers_2025);
    for (size_t i = 0; i < s->n_items_2025; i++) {
        const Motcua__V1__ItemRating *x = s->items_2025 [i];
        if (cli->json) {
            json_object (&json, NULL);
            json_int (&json, "item", x->item);
            json_string (&json, "name", x->name);
            json_array (&json, "levels");
            for (size_t l = 0; l < x->n_levels; l++)
                json_int (&json, NULL, x->levels [l]);
            json_end_array (&json);
            json_int (&json, "automatic_good", x->automatic_good);
            json_int (&json, "automatic_bad", x->automatic_bad);
            json_end_object (&json);
        }
        else {
            printf ("  %d. ", x->item);
            cli_pad (x->name, 40);
            printf (" mức 1-5: %lld/%lld/%lld/%lld/%lld", (long long) x->levels [0], (long long) x->levels [1],
                    (long long) x->levels [2], (long long) x->levels [3], (long long) x->levels [4]);
            if (x->automatic_good || x->automatic_bad)
                printf ("   theo dữ liệu: đạt %lld, không đạt %lld", (long long) x->automatic_good,
                        (long long) x->automatic_bad);
            printf ("\n");
        }
    }
    if (cli->json) {
        json_end_array (&json);
        json_int (&json, "ratings", s->ratings);
        json_array (&json, "overall_levels");
        for (size_t l = 0; l < s->n_overall_levels; l++)
            json_int (&json, NULL, s->overall_levels [l]);
        json_end_array (&json);
        json_end_document (&json);
    }
    else
        printf ("Ý kiến của người dân (%lld): rất không hài lòng %lld, không hài lòng %lld, bình thường %lld,"
                " hài lòng %lld, rất hài lòng %lld\n", (long long) s->ratings,
                (long long) s->overall_levels [0], (long long) s->overall_levels [1],
                (long long) s->overall_levels [2], (long long) s->overall_levels [3],
                (long long) s->overall_levels [4]);
    return 0;
}

static void
s_json_four (json_t *json, const char *key, const int64_t *v)
{
    json_object (json, key);
    json_int (json, "total", v [0]);
    json_int (json, "province", v [1]);
    json_int (json, "district", v [2]);
    json_int (json, "commune", v [3]);
    json_end_object (json);
}

static int
s_show_07b (cli_t *cli, const reporting_reply_t *reply, void *arg)
{
    (void) arg;
    const Motcua__V1__Form07b *f = reply->form07b;
    json_t json;
    if (cli->json) {
        json_document (&json, stdout);
        json_array (&json, "rows");
    }
    else {
        const char *heads [2][4] = {
            { "Đơn vị", " TTHC thuộc thẩm quyền", " Theo cơ chế một cửa", " Có quy trình nội bộ" },
            { "", " Tổng/Tỉnh/Huyện/Xã", " Tổng/Tỉnh/Huyện/Xã", " Tổng/Tỉnh/Huyện/Xã" },
        };
        printf ("TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH (Biểu mẫu II.07b)\n");
        for (int line = 0; line < 2; line++) {
            for (int c = 0; c < 4; c++)
                cli_pad (heads [line][c], c ? 29 : 40);
            printf ("\n");
        }
    }
    for (size_t i = 0; i <= f->n_rows; i++) {
        const Motcua__V1__Form07bRow *r = i < f->n_rows ? f->rows [i] : f->total;
        if (cli->json) {
            json_object (&json, NULL);
            json_string (&json, "agency_code", r->agency_code);
            json_string (&json, "agency_name", r->agency_name);
            s_json_four (&json, "local", r->local);
            s_json_four (&json, "one_stop", r->one_stop);
            s_json_four (&json, "processes", r->processes);
            json_end_object (&json);
        }
        else {
            char name [160], cells [3][40];
            snprintf (name, sizeof name, "%.120s", r->agency_name);
            cli_pad (name, 40);
            const int64_t *groups [3] = { r->local, r->one_stop, r->processes };
            for (int g = 0; g < 3; g++) {
                snprintf (cells [g], sizeof cells [g], "%lld/%lld/%lld/%lld", (long long) groups [g][0],
                          (long long) groups [g][1], (long long) groups [g][2], (long long) groups [g][3]);
                printf (" ");
                cli_pad (cells [g], 28);
            }
            printf ("\n");
        }
    }
    if (cli->json) {
        json_end_array (&json);
        json_end_document (&json);
    }
    return 0;
}

int
report_feedback (int argc, char **argv)
{
    return s_period_command (argc, argv, MOTCUA__V1__REPORTING_REQUEST__BODY_FEEDBACK_COUNTS, s_show_feedback);
}

int
report_satisfaction (int argc, char **argv)
{
    return s_period_command (argc, argv, MOTCUA__V1__REPORTING_REQUEST__BODY_SATISFACTION, s_show_satisfaction);
}

int
report_07b (int argc, char **argv)
{
    return s_period_command (argc, argv, MOTCUA__V1__REPORTING_REQUEST__BODY_FORM07B, s_show_07b);
}
