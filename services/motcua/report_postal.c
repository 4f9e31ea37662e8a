/*  report_postal — `motcua report postal --from --to [--json]`: the
    postal (BCCI) road over a period, from reporting's events: dossiers
    received by post and their share, results sent back by post, on-time
    delivery (J+n) by route, results returned to the agency, fees. Each
    rate is printed with its numerator and denominator.                   */
#include <czmq.h>
#include "report.h"
#include "json.h"
#include "vntime.h"
#include "postal_deadline.h"
#include "reporting_client.h"

//  "12/40 (30,0%)" — a rate with what it is made of.
static const char *
s_rate (int64_t part, int64_t whole, char *buf, size_t size)
{
    if (whole > 0)
        snprintf (buf, size, "%lld/%lld (%lld,%lld%%)", (long long) part, (long long) whole,
                  (long long) (part * 1000 / whole / 10), (long long) (part * 1000 / whole % 10));
    else
        snprintf (buf, size, "%lld/0 (—)", (long long) part);
    return buf;
}

int
report_postal (int argc, char **argv)
{
    cli_t cli;
    if (cli_parse (&cli, argc, argv, "from,to", ""))
        return EXIT_USAGE;
    int64_t from, to;
    if (vn_parse_date (cli_option (&cli, "from"), &from) || vn_parse_date (cli_option (&cli, "to"), &to)) {
        cli_cleanup (&cli);
        return cli_usage ("usage: motcua report postal --from YYYY-MM-DD --to YYYY-MM-DD (both days included)");
    }
    to += MS_PER_DAY;
    client_t *client = cli_client (&cli, "reporting", "dashboard");
    reporting_reply_t *reply = client ? reporting_client_postal_report (client, from, to) : NULL;
    int rc = cli_outcome (&cli, "reporting", (ProtobufCMessage *) reply);
    if (rc == 0 && cli.json) {
        Motcua__V1__PostalReport *r = reply->postal_report;
        json_t json;
        json_document (&json, stdout);
        json_string (&json, "from", cli_option (&cli, "from"));
        json_string (&json, "to", cli_option (&cli, "to"));
        json_int (&json, "received_total", r->received_total);
        json_int (&json, "received_postal", r->received_postal);
        json_int (&json, "refused_postal", r->refused_postal);
        json_int (&json, "return_postal", r->return_postal);
        json_int (&json, "handed", r->handed);
        json_int (&json, "delivered", r->delivered);
        json_int (&json, "delivered_on_time", r->delivered_on_time);
        json_int (&json, "returned_to_agency", r->returned_to_agency);
        json_int (&json, "postal_fees", r->postal_fees);
        json_int (&json, "procedure_fees", r->procedure_fees);
        json_array (&json, "routes");
        for (size_t i = 0; i < r->n_routes; i++) {
            json_object (&json, NULL);
            json_string (&json, "route", r->routes [i]->route);
            json_int (&json, "handed", r->routes [i]->handed);
            json_int (&json, "delivered", r->routes [i]->delivered);
            json_int (&json, "on_time", r->routes [i]->on_time);
            json_end_object (&json);
        }
        json_end_array (&json);
        json_end_document (&json);
    }
    else
    if (rc == 0) {
        Motcua__V1__PostalReport *r = reply->postal_report;
        char a [64], b [64], c [64], postal_fees [32], procedure_fees [32];
        printf ("TIẾP NHẬN VÀ TRẢ KẾT QUẢ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH\n"
                "Kỳ báo cáo: từ %s đến %s\n\n"
                "Số hồ sơ mới tiếp nhận qua BCCI              %s\n"
                "Số hồ sơ bưu chính chuyển đến bị trả lại     %lld\n"
                "Số hồ sơ đăng ký nhận kết quả qua BCCI       %s\n"
                "Số kết quả đã giao bưu chính                 %lld\n"
                "  Đã phát cho người nhận                     %lld\n"
                "  Phát đúng thời hạn (J+n)                   %s\n"
                "Số kết quả chuyển trả cơ quan giải quyết     %lld\n"
                "Cước bưu chính / phí, lệ phí thu hộ          %s / %s đồng\n"
                "Phát đúng thời hạn theo tuyến:\n",
                cli_option (&cli, "from"), cli_option (&cli, "to"),
                s_rate (r->received_postal, r->received_total, a, sizeof a), (long long) r->refused_postal,
                s_rate (r->return_postal, r->received_total, b, sizeof b), (long long) r->handed,
                (long long) r->delivered, s_rate (r->delivered_on_time, r->handed, c, sizeof c),
                (long long) r->returned_to_agency, cli_money (r->postal_fees, postal_fees, sizeof postal_fees),
                cli_money (r->procedure_fees, procedure_fees, sizeof procedure_fees));
        for (size_t i = 0; i < r->n_routes; i++) {
            postal_route_t route = 0;
            postal_route_parse (r->routes [i]->route, &route);
            printf ("  ");
            cli_pad (postal_route_label (route), 42);
            printf ("%s\n", s_rate (r->routes [i]->on_time, r->routes [i]->handed, a, sizeof a));
        }
    }
    return cli_done (&cli, &client, (ProtobufCMessage *) reply, rc);
}
