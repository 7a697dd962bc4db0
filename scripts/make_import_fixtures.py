#!/usr/bin/env python3
"""Writes the import fixtures (crates/model/tests/import_fixtures/) from one small set of
deals, in the shapes real exports take: HubSpot deals in English (UTF-8), the same with the
Japanese interface's headers (UTF-8 with BOM), a Salesforce opportunity report in Japanese
(Shift_JIS, every field quoted, with its footer), cells pasted from Excel (tab-separated), and a
file with bad rows. Nothing is downloaded; run again to regenerate:

    python3 scripts/make_import_fixtures.py

The native tests (crates/model/tests/import_fixtures.rs) hold the figures computed by hand from
DEALS below; change one and the other together.
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "model", "tests", "import_fixtures")

# (name, outcome, created, closed, amount in yen or None, channel or "")
# outcome: won, lost, contract (open, late stage), appointment (open, early stage)
DEALS = [
    ("D1", "won", "2026-01-10", "2026-01-30", 1000000, "Webinar"),
    ("D2", "won", "2026-01-15", "2026-03-01", 2000000, "Paid Search"),
    ("D3", "won", "2026-02-01", "2026-03-03", 3000000, "Webinar"),
    ("D4", "won", "2026-02-10", "2026-05-11", 1500000, "Referral"),
    ("D5", "won", "2026-03-05", "2026-04-04", 2500000, "Paid Search"),
    ("D6", "lost", "2026-01-20", "2026-02-15", 800000, "Paid Search"),
    ("D7", "lost", "2026-02-12", "2026-03-20", None, "Webinar"),
    ("D8", "lost", "2026-03-18", "2026-04-02", 600000, "Paid Search"),
    ("D9", "contract", "2026-03-20", "", 1200000, "Webinar"),
    ("D10", "contract", "2026-04-01", "", 900000, "Paid Search"),
    ("D11", "appointment", "2026-04-03", "", None, ""),
    ("D12", "appointment", "2026-04-10", "", None, "Paid Search"),
]

STAGE_EN = {"won": "Closed Won", "lost": "Closed Lost", "contract": "Contract Sent",
            "appointment": "Appointment Scheduled"}
STAGE_HUBSPOT_JA = {"won": "受注", "lost": "失注", "contract": "契約書送付済み",
                    "appointment": "アポイント設定済み"}
STAGE_SF_JA = {"won": "受注", "lost": "失注", "contract": "提案/見積", "appointment": "ニーズ分析"}
CHANNEL_JA = {"Webinar": "ウェビナー", "Paid Search": "Web広告", "Referral": "紹介", "": ""}


def slash(iso, pad=True):
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{y}/{m}/{d}" if pad else f"{y}/{int(m)}/{int(d)}"


def grouped(n):
    return "" if n is None else f"{n:,}"


def csv_line(cells, quote_all=False):
    out = []
    for c in cells:
        c = str(c)
        if quote_all or any(x in c for x in ',"\n\r'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out)


def write(name, text, encoding, bom=False):
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def hubspot_en():
    rows = ["Record ID,Deal Name,Deal Stage,Create Date,Close Date,Amount,Pipeline,Deal owner,Original Source"]
    for i, (name, o, created, closed, amount, ch) in enumerate(DEALS, 1):
        rows.append(csv_line([1000 + i, f"{name} renewal, phase 1", STAGE_EN[o], created + " 09:30",
                              closed, "" if amount is None else amount, "Sales Pipeline", "Sato", ch]))
    return "\r\n".join(rows) + "\r\n"


def hubspot_ja():
    rows = ["レコードID,取引名,取引ステージ,作成日,クローズ日,金額,パイプライン,取引担当者,元のソース"]
    for i, (name, o, created, closed, amount, ch) in enumerate(DEALS, 1):
        rows.append(csv_line([1000 + i, f"{name} 更新", STAGE_HUBSPOT_JA[o], slash(created),
                              slash(closed), "" if amount is None else f"¥{amount:,}",
                              "営業パイプライン", "佐藤", CHANNEL_JA[ch]]))
    return "\r\n".join(rows) + "\r\n"


def salesforce_ja():
    head = ["商談名", "取引先名", "フェーズ", "金額", "作成日", "完了予定日", "リードソース", "確度 (%)"]
    rows = [csv_line(head, True)]
    for name, o, created, closed, amount, ch in DEALS:
        rows.append(csv_line([f"{name} 案件", "株式会社サンプル\n本社", STAGE_SF_JA[o], grouped(amount),
                              slash(created, False), slash(closed, False), CHANNEL_JA[ch], "50"], True))
    rows += ["", csv_line([f"総計 ({len(DEALS)} レコード)"], True), "",
             csv_line(["機密情報 - 配布禁止"], True),
             csv_line(["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."], True)]
    return "\r\n".join(rows) + "\r\n"


def excel_paste():
    rows = ["作成日\tステージ\t受注日\t金額\tチャネル"]
    for name, o, created, closed, amount, ch in DEALS:
        man = "" if amount is None else f"{amount / 10000:g}万"
        rows.append("\t".join([slash(created, False), STAGE_HUBSPOT_JA[o], slash(closed, False), man,
                               CHANNEL_JA[ch]]))
    return "\n".join(rows) + "\n"


def bad_rows():
    rows = ["Deal Stage,Create Date,Close Date,Amount,Original Source",
            "Closed Won,2026-01-10,2026-01-30,1000000,Webinar",
            "Closed Won,2026-02-30,2026-03-30,1000000,Webinar",      # line 3: no such day
            "Closed Won,2026-02-01,2026-01-15,1000000,Webinar",      # line 4: closed before created
            "Maybe Later,2026-02-01,,,Webinar",                      # line 5: unknown stage value
            "Closed Lost,,2026-02-01,,Webinar",                      # line 6: created date empty
            "Closed Won,2026-02-01,2026-03-01,lots,Webinar",         # line 7: not an amount
            "Closed Won,2026-02-01",                                 # line 8: 2 fields of 5
            "Closed Lost,2026-02-03,2026-02-20,,Paid Search",
            "Contract Sent,2026-02-04,,,Paid Search"]
    return "\n".join(rows) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    write("hubspot_deals_en.csv", hubspot_en(), "utf-8")
    write("hubspot_deals_ja_bom.csv", hubspot_ja(), "utf-8", bom=True)
    write("salesforce_report_ja_sjis.csv", salesforce_ja(), "cp932")
    write("excel_paste.tsv", excel_paste(), "utf-8")
    write("bad_rows.csv", bad_rows(), "utf-8")


if __name__ == "__main__":
    main()
